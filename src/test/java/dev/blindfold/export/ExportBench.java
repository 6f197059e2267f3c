package dev.blindfold.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blindfold.identity.User;
import dev.blindfold.support.Api;
import dev.blindfold.support.BulkLabels;
import dev.blindfold.support.StreamedGet;
import dev.blindfold.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Export benchmark, not a timed test: run with {@code ./mvnw -B verify -Pbench} (H2 on disk, or {@code -Pbench,pg} on PostgreSQL; whole JVM
 * limited to a 256 MB heap, so finishing at all shows the export's memory is bounded). Writes
 * {@code bench.labels} labels (default 1,000,000; 8 annotators, overlap 1) with batched JDBC, then streams
 * each export ({@code bench.exports}, queries separated by {@code ;}, default jsonl, csv, gold and
 * openai-evals) over HTTP into a counting sink and prints rows, seconds, rows/s, MB/s and the peak heap
 * in use while it ran (sampled every 50 ms), next to the JVM's heap limit and to the time the database takes to
 * hand over the same rows ({@link ExportLimit}: {@code COPY ... TO STDOUT} on PostgreSQL, a plain JDBC read on H2).
 * The table is appended to {@code bench/results/<date>-export.md}.
 */
@QuarkusTest
class ExportBench {

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    private record Run(String query, long rows, long bytes, double seconds, long peakHeap) {
    }

    @Test
    void exportAMillionLabels() throws Exception {
        int labels = Integer.getInteger("bench.labels", 1_000_000);
        String ops = TestData.user("ops");
        long projectId = Api.as(ops).body(Map.of("name", TestData.unique("bench"), "taskType", "FREE_TEXT", "overlap", 1,
                "guidelines", "")).post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
        List<Long> annotators = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = TestData.user("annotator");
            Api.as(ops).body(Map.of("username", name)).post("/api/projects/" + projectId + "/members").then().statusCode(201);
            annotators.add(QuarkusTransaction.requiringNew().call(() -> User.byUsername(name).orElseThrow().id));
        }
        long seedStart = System.nanoTime();
        BulkLabels.Written written = new BulkLabels(dataSource).write(projectId, annotators, labels, 1);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        System.out.printf("bench: seeded %,d labels in %.1f s; exporting%n", written.labels(), seedSeconds);

        List<Run> runs = new ArrayList<>();
        List<String> queries = List.of(System.getProperty("bench.exports",
                "format=jsonl;format=csv;format=jsonl&gold=true;format=openai-evals").split(";"));
        for (String query : queries) {
            runs.add(export(ops, projectId, query));
            Run r = runs.get(runs.size() - 1);
            System.out.printf(Locale.ROOT, "bench: %s %,d lines in %.1f s (%,.0f rows/s), peak heap in use %d MB%n", query,
                    r.rows(), r.seconds(), r.rows() / r.seconds(), r.peakHeap() >> 20);
            assertEquals(labels, runs.get(runs.size() - 1).rows() - (query.contains("csv") ? 1 : 0), query);
        }
        long[] limitPeak = new long[1];
        ExportLimit.Moved limit = sampled(limitPeak, () -> new ExportLimit(dataSource).measure(projectId));
        System.out.printf(Locale.ROOT, "bench: limit %s: %,d labels and %,d events in %.1f s%n", limit.how(), limit.labels(),
                limit.events(), limit.seconds());
        assertEquals(labels, limit.labels(), "the limit reads every label");
        assertEquals(written.events(), limit.events(), "the limit reads every event of the labels' annotators");
        appendTable(labels, written, seedSeconds, runs, limit, limitPeak[0]);
    }

    private void appendTable(int labels, BulkLabels.Written written, double seedSeconds, List<Run> runs,
                             ExportLimit.Moved limit, long limitPeak) throws Exception {
        long maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        String database;
        try (var c = dataSource.getConnection()) {
            database = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%n### Export of %,d labels (%s, %d cores, heap limit %d MB, %s)%n%n",
                labels, LocalDate.now(), Runtime.getRuntime().availableProcessors(), maxHeap >> 20, database));
        table.append(String.format(Locale.ROOT, "Seeding %,d labels and %,d events by batched JDBC: %.1f s. Limit: %s of the"
                        + " same rows (%,d labels with item, blind and final answer; %,d events the classification reads),"
                        + " both reads timed together.%n%n", written.labels(), written.events(), seedSeconds, limit.how(),
                limit.labels(), limit.events()));
        table.append("| export | lines | s | rows/s | MB | MB/s | peak heap in use (MB) | × limit time |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Run r : runs) {
            table.append(String.format(Locale.ROOT, "| `%s` | %,d | %.1f | %,.0f | %.0f | %.1f | %d | %.1f |%n", r.query(), r.rows(),
                    r.seconds(), r.rows() / r.seconds(), r.bytes() / 1e6, r.bytes() / 1e6 / r.seconds(), r.peakHeap() >> 20,
                    r.seconds() / limit.seconds()));
        }
        table.append(String.format(Locale.ROOT, "| limit: %s | %,d + %,d | %.1f | %,.0f | %.0f | %.1f | %d | 1.0 |%n",
                limit.how(), limit.labels(), limit.events(), limit.seconds(), limit.labels() / limit.seconds(),
                limit.bytes() / 1e6, limit.bytes() / 1e6 / limit.seconds(), limitPeak >> 20));
        System.out.println(table);
        Path results = Path.of("bench", "results", LocalDate.now() + "-export.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, table.toString(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private Run export(String ops, long projectId, String query) throws Exception {
        long[] peak = new long[1];
        long start = System.nanoTime();
        StreamedGet.Counted got = sampled(peak, () -> StreamedGet.lines(base, ops, "/api/projects/" + projectId + "/export?"
                + query, line -> { }));
        return new Run(query, got.lines(), got.bytes(), (System.nanoTime() - start) / 1e9, peak[0]);
    }

    /** Runs {@code work} while sampling the heap in use every 50 ms (after a GC first); the peak goes to {@code peak[0]}. */
    private static <T> T sampled(long[] peak, java.util.concurrent.Callable<T> work) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        AtomicLong max = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        try {
            return work.call();
        } finally {
            sampler.interrupt();
            sampler.join();
            peak[0] = max.get();
        }
    }
}
