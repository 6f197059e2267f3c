package dev.blindfold.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blindfold.support.TestData;
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
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Item import at growing size against the database's own limit, not a timed test: run with
 * {@code ./mvnw -B verify -Pbench -Dtest=ImportBench} (H2 on disk) or {@code -Pbench,pg} (PostgreSQL). For each size
 * of {@code bench.import.sizes} (10,000, 100,000 and 1,000,000 items) a fresh project imports that many NDJSON items
 * with 2 drafts each through {@link ItemImportService} (the path the HTTP route takes, streamed from a generated
 * body, one transaction), timed per tenth of the file; then the same rows go into {@code items_raw}/{@code drafts_raw}
 * by plain batched JDBC in one transaction ({@link RawItemInserts}). It prints items/s per size, the ratio to the
 * smallest size's rate, the last tenth's rate against the first (constant cost per chunk reads 1.0), and the raw
 * rate, and appends the table to {@code bench/results/<date>-import.md}.
 */
@QuarkusTest
class ImportBench {

    @Inject
    ItemImportService imports;

    @Inject
    DataSource dataSource;

    private record Run(int items, double seconds, double firstTenth, double lastTenth, double rawSeconds) {
        double perSecond() {
            return items / seconds;
        }
    }

    @Test
    void importAtGrowingSizesAgainstRawBatchedJdbcInsertsOfTheSameRows() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.import.sizes", "10000,100000,1000000").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        String ops = TestData.user("ops");
        RawItemInserts raw = new RawItemInserts(dataSource);
        raw.createTables();
        importOnce(ops, Math.min(sizes[0], 5_000), raw);
        List<Run> runs = new ArrayList<>();
        for (int size : sizes) {
            runs.add(importOnce(ops, size, raw));
        }
        report(runs);
    }

    /** Imports {@code count} items into a new project, then inserts the same rows raw. */
    private Run importOnce(String ops, int count, RawItemInserts raw) throws Exception {
        long projectId = ItemImportApiTest.project(ops);
        long[] at = new long[11];
        GeneratedUpload upload = new GeneratedUpload("", count, ImportBench::line, "").beforeRecord(n -> {
            if ((n - 1) % (count / 10) == 0 && (n - 1) / (count / 10) < 10) {
                at[(n - 1) / (count / 10)] = System.nanoTime();
            }
        });
        ItemImportService.Counts counts = imports.importNdjson(projectId, upload);
        at[10] = System.nanoTime();
        assertEquals(new ItemImportService.Counts(count, 0, 2 * count, 0, 0, 0), counts);
        double rawSeconds = raw.insert(projectId, count, ImportBench::row);
        return new Run(count, (at[10] - at[0]) / 1e9, (at[1] - at[0]) / 1e9, (at[10] - at[9]) / 1e9, rawSeconds);
    }

    private static RawItemInserts.Row row(int n) {
        return new RawItemInserts.Row("item-" + n, "Customer " + n + " asks how to reset a password after the email"
                + " changed; reply in two sentences.", "Draft A for item " + n + ": open Settings, then Security, and"
                + " choose Reset.", "Draft B for item " + n + ": use the link on the sign-in page to reset it.");
    }

    private static String line(int n) {
        RawItemInserts.Row r = row(n);
        return "{\"externalId\":\"" + r.externalId() + "\",\"input\":\"" + r.input() + "\",\"drafts\":["
                + "{\"model\":\"model-a\",\"family\":\"fam-a\",\"version\":\"v1\",\"text\":\"" + r.draftA() + "\"},"
                + "{\"model\":\"model-b\",\"family\":\"fam-b\",\"version\":\"v1\",\"text\":\"" + r.draftB() + "\"}]}\n";
    }

    private void report(List<Run> runs) throws Exception {
        String database;
        try (var c = dataSource.getConnection()) {
            database = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n### Item import, 2 drafts an item (%s, %s,"
                + " %d cores, max heap %d MB)%n%n", LocalDate.now(), database, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20));
        table.append("| items | import s | items/s | × smallest size | last tenth ÷ first tenth (s) | raw JDBC s"
                + " | raw items/s | × raw |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        double base = runs.get(0).perSecond();
        for (Run r : runs) {
            table.append(String.format(Locale.ROOT, "| %,d | %.1f | %,.0f | %.2f | %.2f | %.1f | %,.0f | %.2f |%n",
                    r.items(), r.seconds(), r.perSecond(), r.perSecond() / base, r.lastTenth() / r.firstTenth(),
                    r.rawSeconds(), r.items() / r.rawSeconds(), r.rawSeconds() / r.seconds()));
        }
        System.out.println(table);
        Path results = Path.of("bench", "results", LocalDate.now() + "-import.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, table.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
