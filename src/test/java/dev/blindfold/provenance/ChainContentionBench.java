package dev.blindfold.provenance;

import dev.blindfold.provenance.chain.EventType;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.identity.User;
import dev.blindfold.provenance.EventLog.NewEvent;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What the chain design costs under concurrent writers, not a timed test: run with
 * {@code ./mvnw -B verify -Pbench -Dtest=ChainContentionBench} (H2 on disk) or {@code -Pbench,pg} (PostgreSQL).
 * T threads ({@code bench.threads}, default 8 and 32) each append through the real {@link EventLog#append},
 * one event per short transaction, for {@code bench.seconds} (default 4) per run, in two modes: one chain per
 * annotator (each thread appends to its own actor's chain) and one chain per project (every thread appends
 * to the same chain: one head row, one lock, which is what a per-project chain would serialise on). Prints
 * appends/s, p50/p99 latency of the appends that committed and the number that failed (lock timeouts) per mode and appends the table to {@code bench/results/<date>-chains.md}.
 */
@QuarkusTest
class ChainContentionBench {

    @Inject
    EventLog log;

    @Inject
    DataSource dataSource;

    private record Run(String mode, int threads, long appends, long failed, double seconds, double p50Ms, double p99Ms) {
    }

    @Test
    void appendThroughputPerAnnotatorChainVersusOneChainPerProject() throws Exception {
        int[] threadCounts = Arrays.stream(System.getProperty("bench.threads", "8,32").split(","))
                .mapToInt(Integer::parseInt).toArray();
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "4"));
        int most = Arrays.stream(threadCounts).max().orElseThrow();
        String ops = TestData.user("ops");
        List<Long> actors = new ArrayList<>();
        for (int i = 0; i < most; i++) {
            String name = TestData.user("annotator");
            actors.add(QuarkusTransaction.requiringNew().call(() -> User.byUsername(name).orElseThrow().id));
        }
        run(project(ops), "warm-up", Math.min(4, most), actors, false, 1.5);
        List<Run> runs = new ArrayList<>();
        for (int threads : threadCounts) {
            for (boolean shared : new boolean[] {false, true}) {
                Run r = run(project(ops), shared ? "one chain per project" : "one chain per annotator", threads, actors,
                        shared, seconds);
                runs.add(r);
                System.out.printf(Locale.ROOT, "bench: %s, %d threads: %,d appends in %.1f s = %,.0f/s, p50 %.2f ms,"
                        + " p99 %.2f ms, %d failed%n", r.mode(), r.threads(), r.appends(), r.seconds(), r.appends() / r.seconds(),
                        r.p50Ms(), r.p99Ms(), r.failed());
                assertTrue(r.appends() > 0);
            }
        }
        String database;
        try (var c = dataSource.getConnection()) {
            database = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n### Chain contention (%s, %s, %d cores,"
                        + " %.0f s a run, one append per transaction through EventLog.append)%n%n", LocalDate.now(),
                database, Runtime.getRuntime().availableProcessors(), seconds));
        table.append("| mode | threads | appends | appends/s | p50 ms | p99 ms | failed |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (Run r : runs) {
            table.append(String.format(Locale.ROOT, "| %s | %d | %,d | %,.0f | %.2f | %.2f | %d |%n", r.mode(), r.threads(),
                    r.appends(), r.appends() / r.seconds(), r.p50Ms(), r.p99Ms(), r.failed()));
        }
        System.out.println(table);
        Path results = Path.of("bench", "results", LocalDate.now() + "-chains.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, table.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static long project(String ops) {
        return Api.as(ops).body(Map.of("name", TestData.unique("bench"), "taskType", "FREE_TEXT", "overlap", 1,
                "guidelines", "")).post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private Run run(long projectId, String mode, int threads, List<Long> actors, boolean shared, double seconds)
            throws Exception {
        for (long actor : shared ? actors.subList(0, 1) : actors.subList(0, threads)) {
            // The chain's first append creates its head row; racing first appends would collide on its key.
            QuarkusTransaction.requiringNew().run(() -> log.append(new NewEvent(projectId, actor, null,
                    EventType.KEYSTROKES, null, Map.of("count", 0))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicReference<String> firstFailure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> results = new ArrayList<>();
        long[] deadline = new long[1];
        AtomicLong failed = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            long actor = shared ? actors.get(0) : actors.get(t);
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 12];
                int n = 0;
                go.await();
                while (System.nanoTime() < deadline[0]) {
                    long start = System.nanoTime();
                    int i = n;
                    try {
                        QuarkusTransaction.requiringNew().run(() -> log.append(new NewEvent(projectId, actor, null,
                                EventType.KEYSTROKES, null, Map.of("count", i))));
                    } catch (RuntimeException lockTimeoutOrDeadlock) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, String.valueOf(rootCause(lockTimeoutOrDeadlock).getMessage()));
                        continue;
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - start;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long start = System.nanoTime();
        deadline[0] = start + (long) (seconds * 1e9);
        go.countDown();
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (firstFailure.get() != null) {
            System.out.println("bench: first failure of " + mode + ", " + threads + " threads: " + firstFailure.get());
        }
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Run(mode, threads, merged.length, failed.get(), elapsed, percentile(merged, 0.50), percentile(merged, 0.99));
    }

    private static Throwable rootCause(Throwable t) {
        return t.getCause() == null || t.getCause() == t ? t : rootCause(t.getCause());
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}
