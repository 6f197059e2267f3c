package dev.blindfold.labeling;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A page left open (or brought back by Back/Forward) after its item was finished must not add to the item's log:
 * an assignment that is FINAL or SKIPPED takes no client events and no new answer (409 assignment-finished), while
 * an exact repeat of the commit or final decision that finished it answers as before.
 */
@QuarkusTest
class FinishedAssignmentTest {

    private static final List<Map<String, Object>> BATCH = List.of(Map.of("type", "FOCUS_LOST"),
            Map.of("type", "KEYSTROKES", "data", Map.of("count", 12)));

    private static ValidatableResponse finished(ValidatableResponse r, long aid) {
        return r.statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:blindfold:problem:assignment-finished"))
                .body("status", equalTo(409)).body("title", equalTo("Conflict"))
                .body("detail", containsString("Assignment " + aid + " is already finished"));
    }

    @Test
    void aFinishedAssignmentTakesNoMoreClientEvents() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), aid, "my answer");
        TestData.keep(f.annotator(), aid);
        finished(Api.as(f.annotator()).body(BATCH).post("/api/assignments/" + aid + "/events").then(), aid)
                .body("detail", containsString("final answer"));
        assertEquals(List.of("ITEM_SHOWN", "BLIND_COMMITTED", "FINAL_SAVED"), TestData.eventTypes(f.auditor(), aid));
    }

    @Test
    void aSkippedAssignmentTakesNoEventsNoAnswerAndNoFinalDecision() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        Api.as(f.annotator()).body(Map.of("reason", "unclear")).post("/api/assignments/" + aid + "/skip").then().statusCode(200);
        String base = "/api/assignments/" + aid;
        finished(Api.as(f.annotator()).body(BATCH).post(base + "/events").then(), aid).body("detail", containsString("skipped"));
        finished(Api.as(f.annotator()).body(Map.of("answer", "late answer")).post(base + "/blind").then(), aid);
        finished(Api.as(f.annotator()).body(Map.of("decision", "KEEP")).post(base + "/final").then(), aid);
        Api.as(f.annotator()).body(Map.of("reason", "unclear")).post(base + "/skip").then().statusCode(200);
        assertEquals(List.of("ITEM_SHOWN", "SKIPPED"), TestData.eventTypes(f.auditor(), aid));
    }

    @Test
    void exactRepeatsOfTheFinishingRequestsStillSucceedButNothingNewIsTaken() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        String base = "/api/assignments/" + aid;
        TestData.commit(f.annotator(), aid, "my answer");
        Api.as(f.annotator()).get(base + "/drafts").then().statusCode(200);
        TestData.keep(f.annotator(), aid);
        TestData.commit(f.annotator(), aid, "my answer");
        TestData.keep(f.annotator(), aid);
        finished(Api.as(f.annotator()).body(Map.of("answer", "a blank form's new answer")).post(base + "/blind").then(), aid);
        finished(Api.as(f.annotator()).body(Map.of("reason", "too late")).post(base + "/skip").then(), aid);
        Api.as(f.annotator()).body(Map.of("decision", "REVISE", "answer", "changed")).post(base + "/final").then()
                .statusCode(409).body("type", equalTo("urn:blindfold:problem:already-final"));
        assertEquals(List.of("ITEM_SHOWN", "BLIND_COMMITTED", "DRAFTS_REVEALED", "FINAL_SAVED"),
                TestData.eventTypes(f.auditor(), aid));
    }

    @Test
    void aCommittedAssignmentIsStillOpenForEvents() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), aid, "my answer");
        Api.as(f.annotator()).body(BATCH).post("/api/assignments/" + aid + "/events").then().statusCode(202)
                .body("accepted", equalTo(2));
    }

    @Test
    void theItemPageOfAFinishedOrSkippedItemOffersNoCommitForm() {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        long kept = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), kept, "my answer");
        TestData.keep(f.annotator(), kept);
        long skipped = TestData.next(f.annotator(), f.projectId());
        Api.as(f.annotator()).body(Map.of("reason", "unclear")).post("/api/assignments/" + skipped + "/skip").then().statusCode(200);
        for (long aid : List.of(kept, skipped)) {
            String page = Api.as(f.annotator()).accept("text/html").get("/assignments/" + aid).then().statusCode(200)
                    .extract().asString();
            assertFalse(page.contains("id=\"blind-form\""), aid + ": a finished item has no commit form");
            assertTrue(page.contains("id=\"finished-notice\""), aid + ": it says it is finished");
        }
        String skippedPage = Api.as(f.annotator()).accept("text/html").get("/assignments/" + skipped).asString();
        assertTrue(skippedPage.contains("You skipped this item"), skippedPage);
        assertEquals(List.of("ITEM_SHOWN", "SKIPPED"), TestData.eventTypes(f.auditor(), skipped), "viewing it again shows nothing new");
    }
}
