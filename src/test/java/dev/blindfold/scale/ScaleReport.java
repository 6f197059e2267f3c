package dev.blindfold.scale;

import dev.blindfold.scale.BenchHttp.Answer;
import dev.blindfold.scale.LabelingLoop.Step;
import dev.blindfold.scale.ScaleBench.SizeRun;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** ScaleBench's tables, printed and appended to {@code bench/results/<date>-scale.md}. */
final class ScaleReport {

    /** The loop's goal: each step's p50 and p99 at the largest project within this factor of the smallest's. */
    static final double RATIO_GOAL = 1.5;

    private ScaleReport() {
    }

    static String loop(DataSource dataSource, List<SizeRun> runs, int loops, int warmup, int annotators, int rateLabels,
                       HeapPeak heap) throws SQLException {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%n### Labeling loop by project size (%s, %s)%n%n"
                + "Each project: %s items, 2 drafts an item, overlap 2, seeded by batched JDBC, queue counts rebuilt, no"
                + " ANALYZE by the bench. %d annotators (API tokens) label in every project, one request at a time, in blocks of %d"
                + " labels per project in turn, after %d warm-up labels per project; %,d labels timed per project. Ratio:"
                + " to the %s-item project.%n%n", LocalDate.now(), machine(dataSource),
                runs.stream().map(r -> String.format(Locale.ROOT, "%,d", r.items())).collect(Collectors.joining(", ")),
                annotators, ScaleBench.BLOCK, warmup, loops, String.format(Locale.ROOT, "%,d", runs.get(0).items())));
        t.append("| step |");
        runs.forEach(r -> t.append(String.format(Locale.ROOT, " %s items |", size(r.items()))));
        t.append(" goal at ").append(size(runs.get(runs.size() - 1).items())).append(" |\n|---|");
        runs.forEach(r -> t.append("---:|"));
        t.append("---|\n");
        for (Step step : Step.values()) {
            for (double p : new double[] {50, 99}) {
                row(t, step.title + " p" + (int) p, runs, r -> r.times().get(step).percentileMillis(p), " ms", true);
            }
        }
        row(t, "labels/s, one annotator looping next → blind → reveal → KEEP (" + rateLabels + " labels, interleaved)", runs,
                SizeRun::labelsPerSecond, "", false);
        t.append(heap("labeling", heap));
        t.append("\nSeeding (batched JDBC + `QueueCounts.rebuild`): ").append(runs.stream().map(r -> String.format(
                Locale.ROOT, "%s items %.1f s", size(r.items()), r.seedSeconds())).collect(Collectors.joining(", ")))
                .append(".\n");
        return t.toString();
    }

    private static void row(StringBuilder t, String title, List<SizeRun> runs, ToDoubleFunction<SizeRun> figure,
                            String unit, boolean goal) {
        double base = figure.applyAsDouble(runs.get(0));
        t.append("| ").append(title).append(" |");
        double ratio = 1;
        for (SizeRun r : runs) {
            double v = figure.applyAsDouble(r);
            ratio = v / base;
            t.append(String.format(Locale.ROOT, r == runs.get(0) ? " %.1f%s |" : " %.1f%s (×%.2f) |", v, unit, ratio));
        }
        t.append(goal ? String.format(Locale.ROOT, " ≤ ×%.1f: %s |%n", RATIO_GOAL,
                ratio <= RATIO_GOAL ? "met" : "**missed**") : " |\n");
    }

    static String views(DataSource dataSource, LabelHistory.Written written, double seeded,
                        List<ViewTimes.Result> results, int runs, Duration deadline, HeapPeak heap) throws SQLException {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%n### Views of a project with %,d labels (%s, %s)"
                + "%n%nSeeded by batched JDBC in %.0f s: %,d items (2 drafts each), %,d labels of 8 annotators over 8"
                + " weeks, %,d events in 8 hash chains (ITEM_SHOWN, BLIND_COMMITTED with content hashes, DRAFTS_REVEALED,"
                + " FINAL_SAVED as the app writes them); classes %s. One client, p50 of %d runs, deadline %d s a"
                + " request; a view that fails is not asked again, a request past its deadline is waited for.%n%n"
                + "| view | answers | p50 | goal | |%n"
                + "|---|---|---:|---|---|%n", written.labels(), LocalDate.now(), machine(dataSource), seeded,
                written.items(), written.labels(), written.events(), ScaleChecks.classes(written),
                runs, deadline.toSeconds()));
        for (ViewTimes.Result r : results) {
            String answers = r.runs().stream().map(Answer::outcome).collect(Collectors.joining(", "))
                    + (r.lateAnswer() == null ? "" : " (the app: " + r.lateAnswer() + ")");
            boolean met = r.ok() && (r.view().goalSeconds() == 0 || r.p50() < r.view().goalSeconds());
            t.append(String.format(Locale.ROOT, "| %s `%s` | %s | %s | %s | %s |%n", r.view().name(),
                    r.view().template(), answers, r.ok() ? String.format(Locale.ROOT, "%.2f s", r.p50()) : "—",
                    r.view().goal(), met ? "met" : r.ok() || r.runs().get(0).status() != 0 ? "**missed**"
                            : "**missed** (no answer within the deadline)"));
        }
        t.append(heap("answering the views", heap));
        return t.toString();
    }

    private static String heap(String what, HeapPeak heap) {
        return String.format(Locale.ROOT, "%nHeap while %s (the app and the benchmark share the JVM): at most %,d MB in"
                + " use after a collection, limit %,d MB (`-Xmx`).%n", what, heap.afterGcMb(), HeapPeak.maxMb());
    }

    static void append(String table) throws Exception {
        System.out.println(table);
        Path results = Path.of("bench", "results", LocalDate.now() + "-scale.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, table, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String machine(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return String.format(Locale.ROOT, "%s %s, %d cores shared (load average %.1f as the table is written),"
                    + " heap limit %,d MB", c.getMetaData().getDatabaseProductName(),
                    c.getMetaData().getDatabaseProductVersion(), Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), HeapPeak.maxMb());
        }
    }

    private static String size(int items) {
        return items >= 1_000_000 && items % 1_000_000 == 0 ? items / 1_000_000 + "M"
                : items >= 1_000 && items % 1_000 == 0 ? items / 1_000 + "k" : String.valueOf(items);
    }
}
