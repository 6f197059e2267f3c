package dev.blindfold.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.audit.chain.Chains.Row;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many annotators append at once (one of them from two threads, on two assignments) while an auditor keeps
 * verifying: every verification says OK, and afterwards each chain is seqs 1..N with no gap, N its head.
 */
@QuarkusTest
class ConcurrentWritersTest {

    private static final int ANNOTATORS = 8;
    private static final int ITEMS_EACH = 3;
    /** Repeat reveals of the first (finished) assignment from a second thread: one append each. */
    private static final int EXTRA_ROUNDS = 18;
    /** Events of labelling items 0, 1, 2 with {@link Chains#label}: 6 + 5 + 7. */
    private static final int EVENTS_EACH = 18;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource db;

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private JsonNode send(String user, String method, String path, Object body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path.substring(1)))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), method + " " + path + " as " + user + ": " + response.body());
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    /** The same steps as {@link Chains#label}, over a client of its own so threads share no REST Assured state. */
    private void label(String annotator, long projectId, int item) throws Exception {
        long aid = send(annotator, "GET", "/api/projects/" + projectId + "/next", null, 200).get("assignmentId").asLong();
        send(annotator, "POST", "/api/assignments/" + aid + "/events", List.of(
                Map.of("type", item % 2 == 0 ? "FIRST_INPUT" : "FOCUS_LOST", "clientTime", "2026-01-01T00:00:00Z"),
                Map.of("type", "PASTE", "clientTime", 1767225600123L, "data", Map.of("chars", 7 + item))), 202);
        send(annotator, "POST", "/api/assignments/" + aid + "/blind", Map.of("answer", "blind answer " + item), 200);
        if (item % 3 != 1) {
            send(annotator, "GET", "/api/assignments/" + aid + "/drafts", null, 200);
        }
        Object decision = item % 3 == 2
                ? Map.of("decision", "REVISE", "answer", "revised " + item, "ratings", Map.of("A", 3))
                : Map.of("decision", "KEEP");
        send(annotator, "POST", "/api/assignments/" + aid + "/final", decision, 200);
    }

    @Test
    void concurrentAnnotatorsKeepEveryChainGaplessAndVerifiable() throws Exception {
        Fixture f = TestData.freeText(ANNOTATORS * ITEMS_EACH + 4, ANNOTATORS, 1, "REVEAL_AFTER_COMMIT");
        String both = f.annotators().get(0);
        Chains.label(both, f.projectId(), 0);
        long firstAssignment = Chains.chain(db, f.projectId(), Chains.userId(both)).get(0).assignmentId();

        ExecutorService pool = Executors.newFixedThreadPool(ANNOTATORS + 2);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger verifications = new AtomicInteger();
        List<Future<?>> writers = new ArrayList<>();
        try {
            for (String annotator : f.annotators()) {
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int item = 0; item < ITEMS_EACH; item++) {
                        label(annotator, f.projectId(), item);
                    }
                    return null;
                }));
            }
            writers.add(pool.submit(() -> {
                start.await();
                // A finished assignment takes no client events (409 assignment-finished), but a repeat reveal
                // still appends one DRAFTS_REVEALED to the same chain the other thread is writing.
                for (int round = 0; round < EXTRA_ROUNDS; round++) {
                    send(both, "GET", "/api/assignments/" + firstAssignment + "/drafts", null, 200);
                }
                return null;
            }));
            Future<?> auditor = pool.submit(() -> {
                start.await();
                while (writing.get()) {
                    JsonNode report = send(f.auditor(), "GET", "/api/projects/" + f.projectId() + "/audit/verify", null, 200);
                    assertTrue(report.get("ok").asBoolean(), "no false break while annotators append: " + report);
                    verifications.incrementAndGet();
                }
                return null;
            });
            start.countDown();
            for (Future<?> w : writers) {
                w.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            auditor.get(5, TimeUnit.MINUTES);
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        assertTrue(verifications.get() > 0, "the auditor verified while the annotators wrote");

        JsonPath report = Chains.verify(f.auditor(), f.projectId());
        assertTrue(report.getBoolean("ok"), report.prettify());
        assertEquals(ANNOTATORS, report.getLong("chains"));
        long total = 0;
        for (String annotator : f.annotators()) {
            long actor = Chains.userId(annotator);
            List<Row> chain = Chains.chain(db, f.projectId(), actor);
            for (int i = 0; i < chain.size(); i++) {
                assertEquals(i + 1, chain.get(i).seq(), annotator + "'s chain has no gap");
            }
            int expected = EVENTS_EACH + (annotator.equals(both) ? 6 + EXTRA_ROUNDS : 0);
            assertEquals(expected, chain.size(), annotator + ": every append landed once");
            assertEquals(chain.size(), headSeq(f.projectId(), actor), annotator + "'s head records its last seq");
            total += chain.size();
        }
        assertEquals(total, report.getLong("events"));
    }

    private long headSeq(long projectId, long actorId) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT seq FROM chain_heads WHERE project_id = ? AND actor_id = ?")) {
            s.setLong(1, projectId);
            s.setLong(2, actorId);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "a head row exists");
                return r.getLong(1);
            }
        }
    }
}
