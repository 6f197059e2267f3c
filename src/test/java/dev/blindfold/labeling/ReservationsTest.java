package dev.blindfold.labeling;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.blindfold.support.Api;
import dev.blindfold.support.Browser;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * An assignment without a blind answer keeps its item's place only for the project's reservation time: then the place
 * goes back to the pool, logged as RELEASED; the annotator who comes back is told so and gets another item; nothing
 * committed is ever released; two sweeps at once (two nodes) release each assignment once.
 */
@QuarkusTest
class ReservationsTest {

    @Inject
    ReservationSweep sweep;

    private static void reservation(Fixture f, int seconds) {
        Api.as(f.ops()).body(Map.of("reservationSeconds", seconds)).patch("/api/projects/" + f.projectId()).then()
                .statusCode(200).body("reservationSeconds", equalTo(seconds));
    }

    private static JsonPath nextItem(String annotator, long projectId) {
        return Api.as(annotator).get("/api/projects/" + projectId + "/next").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath releasedEvent(String reader, long assignmentId) {
        JsonPath events = Api.as(reader).get("/api/assignments/" + assignmentId + "/events").then().statusCode(200)
                .extract().jsonPath();
        List<String> types = events.getList("type", String.class);
        assertEquals(1, types.stream().filter("RELEASED"::equals).count(), "one RELEASED event: " + types);
        return new JsonPath(events.prettify()).setRootPath("find { it.type == 'RELEASED' }");
    }

    @Test
    void anExpiredReservationGivesThePlaceBackAndTheAnnotatorIsToldSo() throws Exception {
        Fixture f = TestData.freeText(2, 2, 1, "REVEAL_AFTER_COMMIT");
        String ana = f.annotators().get(0);
        String ben = f.annotators().get(1);
        reservation(f, 1);
        JsonPath held = nextItem(ana, f.projectId());
        long stale = held.getLong("assignmentId");
        Thread.sleep(1_300);
        Api.as(ana).body(Map.of("answer", "too late")).post("/api/assignments/" + stale + "/blind").then()
                .statusCode(409).body("type", containsString("reservation-expired"))
                .body("detail", containsString("next item"));
        Api.as(ana).body(Map.of("reason", "x")).post("/api/assignments/" + stale + "/skip").then().statusCode(409)
                .body("type", containsString("reservation-expired"));

        reservation(f, 600);
        JsonPath other = nextItem(ana, f.projectId());
        assertNotEquals(stale, other.getLong("assignmentId"), "the annotator gets another item");
        assertNotEquals(held.getString("item.externalId"), other.getString("item.externalId"));
        assertEquals("reservation-expired", releasedEvent(f.ops(), stale).getString("data.reason"));
        assertEquals(held.getString("item.externalId"), nextItem(ben, f.projectId()).getString("item.externalId"),
                "the released place went back to the pool");
        Api.as(ana).body(Map.of("answer", "too late")).post("/api/assignments/" + stale + "/blind").then()
                .statusCode(409).body("type", containsString("reservation-expired"));
        Browser.signIn(ana).page().get("/").then().statusCode(200).body(containsString("1 released"));
        Browser.signIn(ana).page().get("/assignments/" + stale).then().statusCode(200)
                .body(containsString("id=\"released-notice\"")).body(containsString("ran out"));
    }

    @Test
    void theSweepReleasesWhatNobodyCameBackTo() throws Exception {
        Fixture f = TestData.freeText(1, 2, 1, "REVEAL_AFTER_COMMIT");
        reservation(f, 1);
        JsonPath held = nextItem(f.annotators().get(0), f.projectId());
        Api.as(f.annotators().get(1)).get("/api/projects/" + f.projectId() + "/next").then().statusCode(204);
        Thread.sleep(1_300);
        sweep.sweep();
        long aid = held.getLong("assignmentId");
        JsonPath released = releasedEvent(f.auditor(), aid);
        assertEquals("reservation-expired", released.getString("data.reason"));
        assertEquals(held.getString("item.externalId"),
                nextItem(f.annotators().get(1), f.projectId()).getString("item.externalId"));
        Browser.signIn(f.annotators().get(0)).page().get("/assignments/" + aid).then().statusCode(200)
                .body(containsString("id=\"released-notice\""));
    }

    @Test
    void workingOnTheItemKeepsTheReservationAndNothingCommittedIsReleased() throws Exception {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        String ana = f.annotators().get(0);
        reservation(f, 3);
        long aid = TestData.next(ana, f.projectId());
        Thread.sleep(2_000);
        Api.as(ana).body(List.of(Map.of("type", "FOCUS_LOST", "clientTime", System.currentTimeMillis())))
                .post("/api/assignments/" + aid + "/events").then().statusCode(202);
        Thread.sleep(2_000);
        TestData.commit(ana, aid, "still mine: the page's events kept the reservation");
        Thread.sleep(3_300);
        sweep.sweep();
        Api.as(ana).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
        TestData.keep(ana, aid);
        assertFalse(TestData.eventTypes(f.ops(), aid).contains("RELEASED"), "a committed assignment is never released");
    }

    @Test
    void twoSweepsAtOnceReleaseEachAssignmentOnce() throws Exception {
        Fixture f = TestData.freeText(4, 4, 1, "REVEAL_AFTER_COMMIT");
        reservation(f, 1);
        List<Long> held = f.annotators().stream().map(a -> TestData.next(a, f.projectId())).toList();
        Thread.sleep(1_300);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> run = sweep::sweep;
            for (Future<Integer> done : nodes.invokeAll(List.of(run, run))) {
                done.get();
            }
        } finally {
            nodes.shutdown();
        }
        for (long aid : held) {
            releasedEvent(f.ops(), aid);
        }
    }

    @Test
    void theScheduledSweepRunsOnItsOwn() throws Exception {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        reservation(f, 1);
        long aid = TestData.next(f.annotators().get(0), f.projectId());
        long deadline = System.currentTimeMillis() + 20_000;
        while (!TestData.eventTypes(f.ops(), aid).contains("RELEASED") && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals("reservation-expired", releasedEvent(f.ops(), aid).getString("data.reason"),
                "released by the scheduled sweep (every second in tests), with nobody asking");
    }

    @Test
    void reservationTimeIsCheckedAndOpsOnly() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        Api.as(f.ops()).get("/api/projects/" + f.projectId()).then().body("reservationSeconds", equalTo(1800));
        for (Object bad : List.of(0, -5, 604_801, "soon", 1.5)) {
            Api.as(f.ops()).body(Map.of("reservationSeconds", bad)).patch("/api/projects/" + f.projectId()).then()
                    .statusCode(400).contentType(containsString("problem+json"));
        }
        Api.as(f.ops()).body(Map.of()).patch("/api/projects/" + f.projectId()).then().statusCode(400);
        Api.as(f.annotators().get(0)).body(Map.of("reservationSeconds", 60)).patch("/api/projects/" + f.projectId())
                .then().statusCode(403);
        Api.as(f.ops()).get("/api/projects/" + f.projectId()).then().body("reservationSeconds", equalTo(1800));
        long created = Api.as(f.ops()).body(Map.of("name", "short holds", "taskType", "FREE_TEXT",
                "reservationSeconds", 90)).post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.as(f.ops()).get("/api/projects/" + created).then().body("reservationSeconds", equalTo(90));
    }
}
