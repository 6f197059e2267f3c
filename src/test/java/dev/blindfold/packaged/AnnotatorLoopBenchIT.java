package dev.blindfold.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Annotator loop benchmark, not a timed test ({@code ./mvnw -B -o verify -Pbench[,pg] -Dtest=none
 * -Dit.test=AnnotatorLoopBenchIT}): the packaged app on a fresh database, N simulated annotators
 * ({@code bench.annotators}, default 50,200) each looping next → events → blind → drafts → final with an API
 * token. After a saturating warm-up (discarded), two modes: paced (exponential think time before each step,
 * mean {@code bench.think-ms}, 1000) and saturating (no think time). Before each, the HTTP floor: the same
 * clients at the same pacing doing {@code GET /q/health/live}. Prints count, req/s, client p50/p99/max and
 * the server's own p50/p99 (access log) per step beside the floor, appends the table to
 * {@code bench/results/<date>-annotator-loop.md}, and asserts only that every request succeeded.
 * {@code -Dbench.jfr=true} records a JFR profile of the app to {@code target/packaged/loop-bench.jfr}.
 */
class AnnotatorLoopBenchIT {

    @Test
    void everyAnnotatorRequestSucceedsUnderPacedAndSaturatingLoad() throws Exception {
        List<Integer> counts = Arrays.stream(System.getProperty("bench.annotators", "50,200").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        int items = Integer.getInteger("bench.items", 4000);
        double think = Double.parseDouble(System.getProperty("bench.think-ms", "1000"));
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 20));
        Duration paced = Duration.ofSeconds(Integer.getInteger("bench.paced-seconds", 30));
        Duration saturated = Duration.ofSeconds(Integer.getInteger("bench.saturated-seconds", 15));

        Path logs = PackagedApp.workFolder();
        String accessLog = "loop-access-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> props = new HashMap<>(ServerTimes.accessLog(logs, accessLog));
        // Setup only: the loop authenticates with API tokens (SHA-256), so bcrypt runs only while users are made.
        props.put("blindfold.passwords.bcrypt-cost", "4");
        List<String> jvm = Boolean.getBoolean("bench.jfr")
                ? List.of("-XX:FlightRecorderOptions=stackdepth=256",
                        "-XX:StartFlightRecording=filename=" + logs.resolve("loop-bench.jfr") + ",settings=profile")
                : List.of();
        LoopTable table = new LoopTable();
        List<String> failures = new ArrayList<>();
        try (AppDatabase db = AppDatabase.fresh("loop"); PackagedApp app = PackagedApp.start("loop-bench", db, h2LockTimeout(db, props), jvm)) {
            LoopHttp http = new LoopHttp(app);
            ServerTimes server = new ServerTimes(logs.resolve(accessLog + ".log"));
            String database = describe(db);
            for (int n : counts) {
                long setup = System.nanoTime();
                LoopFixture fixture = LoopFixture.create(http, "n" + n + "-" + UUID.randomUUID().toString().substring(0, 6), items, n);
                System.out.printf(Locale.ROOT, "bench: %d annotators, %,d items set up in %.1f s%n", n, items,
                        (System.nanoTime() - setup) / 1e9);
                List<SimulatedAnnotator> annotators = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    annotators.add(new SimulatedAnnotator(http, fixture.projectId(), fixture.tokens().get(i), i));
                }
                // Warm-up (JIT) with at most 50 of them: enough to compile the loop's paths without overloading the app.
                failures.addAll(failures("warm-up, " + n, Phase.run(http, annotators.subList(0, Math.min(50, n)), false, 0, warmup)));
                table.heading(String.format(Locale.ROOT, "Annotator loop, %d annotators (%s, %s, %d cores, load average %s)",
                        n, LocalDate.now(), database, Runtime.getRuntime().availableProcessors(), loadAverage()));
                failures.addAll(measure(table, "paced", app, server, annotators, think, paced));
                failures.addAll(measure(table, "saturating", app, server, annotators, 0, saturated));
                table.end();
            }
        }
        table.note(String.format(Locale.ROOT, "Paced: exponential think time before each step, mean %.0f ms (capped at 5×); "
                + "saturating: none. Warm-up %d s saturating, discarded. Client times on loopback (upper bound of the "
                + "server's); server times from the access log (%%{RESPONSE_TIME_MICROS}). %,d items, overlap 2, 2 drafts each; "
                + "API tokens.%s", think, warmup.toSeconds(), items,
                AppDatabase.postgresBuild() ? "" : " H2 runs with LOCK_TIMEOUT=10000 (see AnnotatorLoopBenchIT.h2LockTimeout)."));
        System.out.println(table);
        Path results = Path.of("bench", "results", LocalDate.now() + "-annotator-loop.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, table.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertEquals(List.of(), failures, "every request of every phase succeeds");
    }

    private static List<String> measure(LoopTable table, String mode, PackagedApp app, ServerTimes server,
                                List<SimulatedAnnotator> annotators, double think, Duration length) throws Exception {
        LoopHttp http = new LoopHttp(app);
        long before = server.size();
        Duration cpu0 = cpu(app);
        Phase floor = Phase.run(http, annotators, true, think, length);
        long between = settled(server);
        Duration cpu1 = cpu(app);
        Phase loop = Phase.run(http, annotators, false, think, length);
        long after = settled(server);
        Duration cpu2 = cpu(app);
        int requests = 0;
        for (Step s : Step.LOOP) {
            requests += loop.of(s).count();
        }
        table.mode(mode, loop, server.between(between, after), floor, server.between(before, between));
        table.cpu(mode, cpu2.minus(cpu1), requests, cpu1.minus(cpu0), floor.of(Step.FLOOR).count());
        List<String> failures = new ArrayList<>(failures(mode + " floor, " + annotators.size(), floor));
        failures.addAll(failures(mode + " loop, " + annotators.size(), loop));
        for (Step s : Step.LOOP) {
            if (loop.of(s).count() == 0) {
                failures.add(mode + ", " + annotators.size() + ": no " + s.label + " completed");
            }
        }
        return failures;
    }

    /** The app process's CPU time so far (user + system, all its threads). */
    private static Duration cpu(PackagedApp app) {
        return ProcessHandle.of(app.pid()).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    /**
     * On H2, a 10 s lock timeout instead of H2's default 1 s: with 1 s, {@code next} answered 500
     * (LockTimeoutException on the item row it locks) under saturation on a loaded 2-core machine.
     */
    private static Map<String, String> h2LockTimeout(AppDatabase db, Map<String, String> props) {
        if (db.postgres()) {
            return props;
        }
        Map<String, String> withTimeout = new HashMap<>(props);
        String url = db.systemProperties().get("quarkus.datasource.jdbc.url");
        withTimeout.put("quarkus.datasource.jdbc.url", url + ";LOCK_TIMEOUT=10000");
        return withTimeout;
    }

    /** The access log's size once the app has written out the last phase's lines. */
    private static long settled(ServerTimes server) throws Exception {
        long size = server.size();
        while (true) {
            Thread.sleep(500);
            long now = server.size();
            if (now == size) {
                return size;
            }
            size = now;
        }
    }

    /** What failed in a phase, one line a step: a failure is a result too, so the table is written first. */
    private static List<String> failures(String phase, Phase run) {
        List<String> failed = new ArrayList<>();
        for (Step s : Step.values()) {
            Latencies l = run.of(s);
            if (l.failed() > 0) {
                failed.add(phase + " annotators: " + l.failed() + " failed " + s.label + ", first: " + l.firstFailure()
                        + (s == Step.NEXT ? " (a 204 means the project ran out of items: raise -Dbench.items)" : ""));
            }
        }
        return failed;
    }

    private static String describe(AppDatabase db) throws Exception {
        if (!db.postgres()) {
            return "H2 file database";
        }
        try (Connection c = db.connect(); ResultSet r = c.createStatement().executeQuery("SHOW server_version")) {
            r.next();
            return "PostgreSQL " + r.getString(1).split(" ")[0];
        }
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }
}
