package dev.blindfold.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** B2: a committed blind answer never changes; a repeat of the same commit is idempotent. */
@QuarkusTest
class BlindImmutabilityTest {

    @Inject
    AgroalDataSource db;

    @Test
    void doubleSubmitOfTheSameAnswerIsIdempotent() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        String first = Api.as(f.annotator()).body(Map.of("answer", "same")).post("/api/assignments/" + aid + "/blind")
                .then().statusCode(200).extract().path("committedAt");
        String second = Api.as(f.annotator()).body(Map.of("answer", "same")).post("/api/assignments/" + aid + "/blind")
                .then().statusCode(200).extract().path("committedAt");
        assertEquals(first, second);
        assertEquals(1, TestData.eventTypes(f.auditor(), aid).stream().filter("BLIND_COMMITTED"::equals).count());
    }

    @Test
    void aSecondDifferentCommitIsRefusedAndTheFirstAnswerStands() throws Exception {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), aid, "original");
        Api.as(f.annotator()).body(Map.of("answer", "changed")).post("/api/assignments/" + aid + "/blind")
                .then().statusCode(409).contentType("application/problem+json");
        Api.as(f.annotator()).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
        Api.as(f.annotator()).body(Map.of("decision", "REVISE", "answer", "revised later"))
                .post("/api/assignments/" + aid + "/final").then().statusCode(200);
        assertEquals("original", storedBlind(aid), "revision is a new record; the blind answer is untouched");
    }

    @Test
    void concurrentCommitsWithDifferentAnswersLeaveExactlyOne() throws Exception {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> commits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String answer = "answer " + i;
            commits.add(() -> Api.as(f.annotator()).body(Map.of("answer", answer))
                    .post("/api/assignments/" + aid + "/blind").statusCode());
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> r : pool.invokeAll(commits)) {
            codes.add(r.get());
        }
        pool.shutdown();
        assertEquals(1, codes.stream().filter(c -> c == 200).count(), "codes " + codes);
        assertEquals(3, codes.stream().filter(c -> c == 409).count(), "codes " + codes);
        assertEquals(1, TestData.eventTypes(f.auditor(), aid).stream().filter("BLIND_COMMITTED"::equals).count());
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteABlindAnswer() throws Exception {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), aid, "kept");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE blind_answers SET answer = 'forged' WHERE assignment_id = " + aid));
            assertThrows(SQLException.class,
                    () -> s.executeUpdate("DELETE FROM blind_answers WHERE assignment_id = " + aid));
        }
        assertEquals("kept", storedBlind(aid));
    }

    private String storedBlind(long aid) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT answer FROM blind_answers WHERE assignment_id = " + aid)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
