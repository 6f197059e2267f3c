package dev.blindfold.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blindfold.packaged.Latencies;
import dev.blindfold.project.QueueCounts;
import dev.blindfold.project.RawItemInserts;
import dev.blindfold.scale.BenchUsers.Person;
import dev.blindfold.scale.LabelingLoop.Step;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Size against the people in front of the screen (issue 12, "ScaleBench"), not a timed test: run with
 * {@code ./mvnw -B verify -Pbench,pg -Dtest=ScaleBench -Dit.test=none -Dbench.argLine=-Xmx512m} (PostgreSQL, in the
 * heap the issue allows the app; the bench profile's own default is 256 MB; {@code -Pbench} alone: H2 on disk). Both
 * parts append their table to {@code bench/results/<date>-scale.md}; the app and the benchmark share one JVM.
 * <ol>
 *   <li>{@link #labelingLoopAtGrowingProjectSizes}: projects of {@code bench.sizes} items (1k, 10k, 100k, 1M), 2 drafts
 *       an item, seeded by batched JDBC with the queue's counts rebuilt; the same {@code bench.annotators} (4)
 *       annotators (API tokens) label in each, interleaved in blocks of {@value #BLOCK} labels per project after
 *       {@code bench.warmup} (50) warm-up labels each: {@code next}, item page, blind, reveal, final, p50 and p99 over
 *       {@code bench.loops} (1,000) labels, as a ratio to the smallest project (goal ≤ 1.5× at 1M); then labels/s of one
 *       annotator looping next → blind → reveal → KEEP for {@code bench.rate-labels} (100) labels, interleaved the same
 *       way.</li>
 *   <li>{@link #viewsOfAProjectWithAMillionLabels}: a project of {@code bench.labels} labels (1M) by 8 annotators over
 *       8 weeks with their hash-chained events ({@link LabelHistory}); each view ({@link ViewTimes#VIEWS}) p50 of
 *       {@code bench.runs} (3) runs, each with a deadline of {@code bench.view-timeout-s} (120) seconds, a request past
 *       it waited for up to {@code bench.late-min} (30) minutes for what the app answers in the end.</li>
 * </ol>
 */
@QuarkusTest
class ScaleBench {

    static final int BLOCK = 10;
    private static final int LOOPS = Integer.getInteger("bench.loops", 1_000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 50);
    private static final int RATE_LABELS = Integer.getInteger("bench.rate-labels", 100);

    @Inject
    DataSource dataSource;

    @Inject
    QueueCounts queueCounts;

    @TestHTTPResource("/")
    URI base;

    /** One project size's figures. */
    record SizeRun(int items, long projectId, double seedSeconds, Map<Step, Latencies> times, double labelsPerSecond) {
    }

    @Test
    void labelingLoopAtGrowingProjectSizes() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "1000,10000,100000,1000000").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        Person ops = BenchUsers.create("ops");
        List<Person> annotators = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("bench.annotators", 4); i++) {
            annotators.add(BenchUsers.create("annotator"));
        }
        List<SizeRun> runs = new ArrayList<>();
        for (int size : sizes) {
            long projectId = BenchUsers.project(ops, "scale " + size);
            long start = System.nanoTime();
            RawItemInserts.intoProjects(dataSource).insert(projectId, size, n -> new RawItemInserts.Row("scale-" + n,
                    ScaleTexts.input(n), ScaleTexts.draft("alpha", n), ScaleTexts.draft("beta", n)));
            rebuildQueueCounts(projectId);
            afterSeeding(projectId);
            double seeded = (System.nanoTime() - start) / 1e9;
            annotators.forEach(a -> BenchUsers.join(ops, projectId, a));
            assertEquals(size, QuarkusTransaction.requiringNew().call(() -> queueCounts.items(projectId)));
            System.out.printf("bench: project %d of %,d items seeded in %.1f s%n", projectId, size, seeded);
            runs.add(new SizeRun(size, projectId, seeded, LabelingLoop.latencies(), 0));
        }
        try (HeapPeak heap = new HeapPeak()) {
            List<SizeRun> rated = label(runs, annotators);
            ScaleReport.append(ScaleReport.loop(dataSource, rated, LOOPS, WARMUP, annotators.size(), RATE_LABELS, heap));
        }
    }

    /** Warm-up, then the timed labels, then labels/s of one annotator, each interleaved across the projects. */
    private List<SizeRun> label(List<SizeRun> runs, List<Person> annotators) {
        LabelingLoop loop = new LabelingLoop(new BenchHttp(base));
        int n = 0;
        for (SizeRun run : runs) {
            for (int i = 0; i < WARMUP; i++, n++) {
                loop.label(run.projectId(), annotators.get(n % annotators.size()), n, true, null);
            }
        }
        for (int done = 0; done < LOOPS; done += BLOCK) {
            for (SizeRun run : runs) {
                for (int i = 0; i < Math.min(BLOCK, LOOPS - done); i++, n++) {
                    loop.label(run.projectId(), annotators.get(n % annotators.size()), n, true, run.times());
                }
            }
        }
        long[] rateNanos = new long[runs.size()];
        for (int done = 0; done < RATE_LABELS; done += BLOCK) {
            for (int r = 0; r < runs.size(); r++) {
                for (int i = 0; i < Math.min(BLOCK, RATE_LABELS - done); i++, n++) {
                    rateNanos[r] += loop.label(runs.get(r).projectId(), annotators.get(0), n, false, null);
                }
            }
        }
        List<SizeRun> rated = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            SizeRun run = runs.get(r);
            rated.add(new SizeRun(run.items(), run.projectId(), run.seedSeconds(), run.times(),
                    RATE_LABELS / (rateNanos[r] / 1e9)));
        }
        return rated;
    }

    @Test
    void viewsOfAProjectWithAMillionLabels() throws Exception {
        int labels = Integer.getInteger("bench.labels", 1_000_000);
        Duration deadline = Duration.ofSeconds(Integer.getInteger("bench.view-timeout-s", 120));
        Person ops = BenchUsers.create("ops");
        Person auditor = BenchUsers.create("auditor");
        long projectId = BenchUsers.project(ops, "scale views");
        List<Long> annotators = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Person annotator = BenchUsers.create("annotator");
            BenchUsers.join(ops, projectId, annotator);
            annotators.add(annotator.id());
        }
        long start = System.nanoTime();
        LabelHistory.Written written = new LabelHistory(dataSource).write(projectId, annotators, labels, 8);
        rebuildQueueCounts(projectId);
        afterSeeding(projectId);
        double seeded = (System.nanoTime() - start) / 1e9;
        System.out.printf("bench: %,d labels, %,d events seeded in %.1f s%n", written.labels(), written.events(), seeded);
        try (HeapPeak heap = new HeapPeak()) {
            int runs = Integer.getInteger("bench.runs", 3);
            List<ViewTimes.Result> results = new ViewTimes(new BenchHttp(base), deadline,
                    Duration.ofMinutes(Integer.getInteger("bench.late-min", 30)), runs).measure(projectId, ops, auditor);
            ScaleReport.append(ScaleReport.views(dataSource, written, seeded, results, runs, deadline, heap));
            ScaleChecks.seededAsClassified(results, written);
        }
    }

    /** The queue's kept counts from the rows written past it, as a repair would; one transaction of up to an hour. */
    private void rebuildQueueCounts(long projectId) {
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> queueCounts.rebuild(projectId));
    }

    /**
     * HOOK, called once after every raw seeding of a project (its rows and events written past the app, the queue's
     * counts rebuilt): read models kept by the app in the transactions that write events need rebuilding from the
     * log here, e.g. the incremental facts of package {@code dev.blindfold.facts} once they exist:
     * {@code facts.rebuild(projectId)}. Empty until then.
     */
    /** Rows written past the read models: build the project's from the log, as a start after an upgrade does. */
    private void afterSeeding(long projectId) {
        long start = System.nanoTime();
        dev.blindfold.support.BulkLabels.keepFacts(projectId);
        System.out.printf("bench: read models of project %d rebuilt from the log in %.1f s%n", projectId,
                (System.nanoTime() - start) / 1e9);
    }
}
