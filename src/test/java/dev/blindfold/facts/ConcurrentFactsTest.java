package dev.blindfold.facts;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Annotators labeling one project at the same moment each get their 2xx while their labels' facts are kept (the
 * tallies of a week and of the project are rows every commit and final of the project changes), and what is kept
 * agrees with the log afterwards. On H2, whose MERGE fails instead of waiting on a key another transaction is
 * inserting, this failed with 500s until facts were serialised per project there.
 */
@QuarkusTest
class ConcurrentFactsTest {

    @Inject
    DataSource db;

    @Test
    void concurrentLabelingKeepsFactsThatAgreeWithTheLog() throws Exception {
        int annotators = 6;
        int rounds = 3;
        // 12 items of overlap 3 for 18 labels: some item always has a slot an annotator has not labeled. With exactly
        // as many slots as labels (6 items), the queue could leave the last annotator only items it had done: a 204.
        Fixture f = TestData.freeText(rounds * 4, annotators, 3, "REVEAL_AFTER_COMMIT");
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier together = new CyclicBarrier(annotators);
        ExecutorService pool = Executors.newFixedThreadPool(annotators);
        List<Future<?>> done = new ArrayList<>();
        for (String annotator : f.annotators()) {
            done.add(pool.submit(() -> {
                for (int round = 0; round < rounds; round++) {
                    together.await(2, TimeUnit.MINUTES);
                    Response next = Api.as(annotator).get("/api/projects/" + f.projectId() + "/next");
                    Long aid = next.statusCode() == 200 ? next.jsonPath().getLong("assignmentId") : null;
                    if (aid == null) {
                        failures.add("next " + next.statusCode() + " " + next.asString());
                    }
                    // Every thread passes every barrier, whatever it got, or the others would wait for it in vain.
                    together.await(2, TimeUnit.MINUTES);
                    if (aid != null) {
                        check(failures, "commit", Api.as(annotator).body(Map.of("answer", "same answer"))
                                .post("/api/assignments/" + aid + "/blind"));
                    }
                    together.await(2, TimeUnit.MINUTES);
                    if (aid != null) {
                        check(failures, "reveal", Api.as(annotator).get("/api/assignments/" + aid + "/drafts"));
                    }
                    together.await(2, TimeUnit.MINUTES);
                    if (aid != null) {
                        check(failures, "final", Api.as(annotator).body(Map.of("decision", "REVISE", "answer", "revised"))
                                .post("/api/assignments/" + aid + "/final"));
                    }
                }
                return null;
            }));
        }
        for (Future<?> d : done) {
            d.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertEquals(List.of(), failures, "every request of every annotator got its 2xx");
        Api.as(f.auditor()).get("/api/projects/" + f.projectId() + "/audit/verify?readModels=true").then().statusCode(200)
                .body("readModels.agree", equalTo(true)).body("readModels.labels", equalTo(annotators * rounds));
        // The project's tally rows are kept in shards by item (V16): the blind answers landed in more than one, and
        // their sum is every label's blind answer that agreement counts.
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT COUNT(DISTINCT shard),"
                + " SUM(answers), (SELECT COUNT(*) FROM label_facts WHERE project_id = ? AND exposure <> 'seen_before_commit')"
                + " FROM answer_weeks WHERE project_id = ? AND kind = 'project-blind'")) {
            s.setLong(1, f.projectId());
            s.setLong(2, f.projectId());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertTrue(r.getInt(1) > 1, "shards used: " + r.getInt(1));
                assertEquals(r.getLong(3), r.getLong(2), "blind answers over the shards");
                assertTrue(r.getLong(3) > 0, "labels counted");
            }
        }
    }

    private static void check(List<String> failures, String step, Response r) {
        if (r.statusCode() / 100 != 2) {
            failures.add(step + " " + r.statusCode() + " " + r.asString());
        }
    }
}
