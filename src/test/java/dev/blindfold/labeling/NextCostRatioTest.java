package dev.blindfold.labeling;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.project.BulkItems;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.log.LogDetail;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's scale check for the queue, in one run: {@code next} at 200,000 items costs at most twice what it costs at
 * 1,000. One annotator works in both projects, calls alternating between them after a warm-up; every call hands out a
 * new assignment (the previous one is skipped, which gives its place back), so every call walks the queue. Timed at
 * the client over HTTP with an API token, what a script pays. A {@code next} that counted or scanned the project's
 * items would pay about a microsecond per item, a fifth of a second at 200,000, and fail the ratio.
 */
@QuarkusTest
class NextCostRatioTest {

    private static final int SMALL = 1_000;
    private static final int LARGE = 200_000;
    private static final int WARM_UP = 5;
    private static final int ROUNDS = 31;
    private static final double MAX_RATIO = 2.0;

    @Inject
    DataSource dataSource;

    @Test
    void nextAtTwoHundredThousandItemsCostsAtMostTwiceNextAtOneThousand() throws SQLException {
        String ops = TestData.user("ops");
        String annotator = TestData.user("annotator");
        long setup = System.nanoTime();
        long small = project(ops, annotator, SMALL);
        long large = project(ops, annotator, LARGE);
        double setupSeconds = (System.nanoTime() - setup) / 1e9;
        String token = Api.as(annotator).body(Map.of("name", "scale")).post("/api/tokens").then().statusCode(201)
                .extract().jsonPath().getString("token");

        Queue smallQueue = new Queue(token, small, SMALL);
        Queue largeQueue = new Queue(token, large, LARGE);
        for (int i = 0; i < WARM_UP; i++) {
            smallQueue.nextAndSkip();
            largeQueue.nextAndSkip();
        }
        smallQueue.nanos.clear();
        largeQueue.nanos.clear();
        long measured = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            smallQueue.nextAndSkip();
            largeQueue.nextAndSkip();
        }

        double measuredSeconds = (System.nanoTime() - measured) / 1e9;
        double smallMs = median(smallQueue.nanos) / 1e6;
        double largeMs = median(largeQueue.nanos) / 1e6;
        double ratio = largeMs / smallMs;
        System.out.printf("NextCostRatioTest: setup %.1f s, %d rounds %.1f s; next p50 %.2f ms at %,d items, %.2f ms at"
                + " %,d items; ratio %.2f (limit %.1f)%n", setupSeconds, ROUNDS, measuredSeconds, smallMs, SMALL, largeMs,
                LARGE, ratio, MAX_RATIO);
        assertEquals(WARM_UP + ROUNDS, smallQueue.assignments.size(), "every call handed out a new assignment");
        assertEquals(WARM_UP + ROUNDS, largeQueue.assignments.size(), "every call handed out a new assignment");
        assertTrue(ratio <= MAX_RATIO, String.format("next p50 at %,d items is %.2f× its p50 at %,d (%.2f ms against"
                + " %.2f ms); at most %.1f× expected", LARGE, ratio, SMALL, largeMs, smallMs, MAX_RATIO));
    }

    /** A project with one place per item, {@code items} items written in bulk, and the annotator as its member. */
    private long project(String ops, String annotator, int items) throws SQLException {
        long id = Api.as(ops).body(Map.of("name", TestData.unique("next-cost"), "taskType", "FREE_TEXT", "overlap", 1,
                "guidelines", "")).post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
        new BulkItems(dataSource).write(id, items);
        Api.as(ops).body(Map.of("username", annotator)).post("/api/projects/" + id + "/members").then().statusCode(201);
        return id;
    }

    /** One project's queue as the annotator's script sees it, with the time of each {@code next}. */
    private static final class Queue {
        private final String token;
        private final long projectId;
        private final int items;
        private final List<Long> nanos = new ArrayList<>();
        private final Set<Long> assignments = new HashSet<>();

        Queue(String token, long projectId, int items) {
            this.token = token;
            this.projectId = projectId;
            this.items = items;
        }

        void nextAndSkip() {
            long start = System.nanoTime();
            JsonPath next = bearer().get("/api/projects/" + projectId + "/next").then().statusCode(200)
                    .extract().jsonPath();
            nanos.add(System.nanoTime() - start);
            long assignmentId = next.getLong("assignmentId");
            assignments.add(assignmentId);
            assertEquals(items, next.getLong("total"), "N of 'item k of N': skipped items are open again");
            bearer().body(Map.of("reason", "scale check")).post("/api/assignments/" + assignmentId + "/skip")
                    .then().statusCode(200);
        }

        private RequestSpecification bearer() {
            return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                    .log().ifValidationFails(LogDetail.ALL);
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
