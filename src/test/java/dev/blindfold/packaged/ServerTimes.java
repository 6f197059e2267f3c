package dev.blindfold.packaged;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Server-side request times from the packaged app's access log, written with the pattern {@link #PATTERN}
 * ({@code %{RESPONSE_TIME_MICROS}}: from the request's arrival at Vert.x to its response, authentication
 * included). A phase of the benchmark is the bytes the log grew by while it ran.
 */
final class ServerTimes {

    static final String PATTERN = "%m %U %s %{RESPONSE_TIME_MICROS}";

    private final Path log;

    ServerTimes(Path log) {
        this.log = log;
    }

    /** Properties that make the app write that log. */
    static Map<String, String> accessLog(Path folder, String baseName) {
        return Map.of("quarkus.http.record-request-start-time", "true",
                "quarkus.http.access-log.enabled", "true",
                "quarkus.http.access-log.pattern", PATTERN,
                "quarkus.http.access-log.log-to-file", "true",
                "quarkus.http.access-log.log-directory", folder.toString(),
                "quarkus.http.access-log.base-file-name", baseName,
                "quarkus.http.access-log.rotate", "false");
    }

    long size() throws IOException {
        return Files.exists(log) ? Files.size(log) : 0;
    }

    /** Each step's server times among the lines written between two {@link #size()} readings. */
    Map<Step, Latencies> between(long from, long to) throws IOException {
        Map<Step, Latencies> times = new EnumMap<>(Step.class);
        byte[] bytes = new byte[(int) (to - from)];
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(from);
            file.readFully(bytes);
        }
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length < 4 || fields[fields.length - 1].equals("-")) {
                continue;
            }
            Step step = Step.ofPath(fields[1]);
            if (step != null) {
                times.computeIfAbsent(step, s -> new Latencies()).add(Long.parseLong(fields[fields.length - 1]) * 1000);
            }
        }
        return times;
    }
}
