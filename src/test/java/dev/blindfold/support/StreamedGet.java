package dev.blindfold.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.LongConsumer;

/** Reads a large response as it streams, counting lines and bytes and holding only a buffer of it. */
public final class StreamedGet {

    /** Lines (newlines) and bytes received. */
    public record Counted(long lines, long bytes) {
    }

    private StreamedGet() {
    }

    /** GETs {@code pathAndQuery} as {@code user}, expects 200, and calls {@code afterLine} with each line's number. */
    public static Counted lines(URL base, String user, String pathAndQuery, LongConsumer afterLine)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + pathAndQuery))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).GET().build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        long lines = 0;
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        afterLine.accept(++lines);
                    }
                }
            }
        }
        return new Counted(lines, bytes);
    }
}
