package dev.blindfold.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A 100,000-label export streams in bounded memory. The labels are written with batched JDBC
 * ({@link BulkLabels}); the export is read as a stream into a counting sink, and every 10,000 lines
 * the test forces a full GC and reads the heap still in use. If the server built the payload (or all the
 * rows) in memory before sending, that live heap would grow with the rows read; it must stay under
 * {@link #HEAP_BOUND}, which is well below the size of the payload. Both paths are measured: per-label
 * JSONL and the per-item gold export, which regroups through the on-disk spool. Timing is left to the
 * benchmark ({@code ExportBench}).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeExportTest {

    static final int LABELS = 100_000;
    static final long HEAP_BOUND = 48L << 20;
    private static final int SAMPLE_EVERY = 10_000;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    private String ops;
    private long projectId;

    /** Once per class, but in a @BeforeEach: REST Assured knows the test port only from the first test on. */
    @BeforeEach
    void writeLabels() throws Exception {
        if (ops != null) {
            return;
        }
        ops = TestData.user("ops");
        projectId = Api.as(ops).body(Map.of("name", TestData.unique("large"), "taskType", "FREE_TEXT", "overlap", 1,
                "guidelines", "")).post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
        List<Long> annotators = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String name = TestData.user("annotator");
            Api.as(ops).body(Map.of("username", name)).post("/api/projects/" + projectId + "/members").then().statusCode(201);
            annotators.add(QuarkusTransaction.requiringNew().call(() -> User.byUsername(name).orElseThrow().id));
        }
        new BulkLabels(dataSource).write(projectId, annotators, LABELS, 1);
    }

    @Test
    void aHundredThousandLabelJsonlExportStreamsInBoundedHeap() throws Exception {
        Measured m = export("format=jsonl");
        assertEquals(LABELS, m.lines());
        assertBounded(m);
    }

    @Test
    void aHundredThousandItemGoldExportRegroupsOnDiskInBoundedHeap() throws Exception {
        Measured m = export("format=jsonl&gold=true");
        assertEquals(LABELS, m.lines(), "one gold row per item");
        assertBounded(m);
    }

    private record Measured(long lines, long bytes, long baseline, long peakLive) {
    }

    private static void assertBounded(Measured m) {
        long growth = m.peakLive() - m.baseline();
        System.out.printf("large export: %d lines, %.1f MB sent, live heap grew by %.1f MB (bound %d MB)%n",
                m.lines(), m.bytes() / 1e6, growth / 1e6, HEAP_BOUND >> 20);
        assertTrue(m.bytes() > 3 * HEAP_BOUND / 2, "the payload must dwarf the bound for the check to mean anything");
        assertTrue(growth < HEAP_BOUND, "live heap grew by " + growth / (1 << 20) + " MB while streaming");
    }

    private Measured export(String query) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = liveHeap(memory);
        long[] peak = {baseline};
        StreamedGet.Counted got = StreamedGet.lines(base, ops, "/api/projects/" + projectId + "/export?" + query, line -> {
            if (line % SAMPLE_EVERY == 0) {
                peak[0] = Math.max(peak[0], liveHeap(memory));
            }
        });
        return new Measured(got.lines(), got.bytes(), baseline, peak[0]);
    }

    private static long liveHeap(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
