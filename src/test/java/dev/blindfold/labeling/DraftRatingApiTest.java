package dev.blindfold.labeling;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DRAFT_RATING through the API: the blind answer first, then a 1–5 rating of every shown draft
 * (decision RATE); the final answer is the blind answer.
 */
@QuarkusTest
class DraftRatingApiTest {

    private static final String BLIND = "Use the reset link on the sign-in page.";

    @Test
    void draftRatingProjectTakesNoLabelsAndRefusesNeverReveal() {
        String ops = TestData.user("ops");
        Api.as(ops).body(Map.of("name", TestData.unique("rating"), "taskType", "DRAFT_RATING"))
                .post("/api/projects").then().statusCode(201);
        Api.as(ops).body(Map.of("name", TestData.unique("rating"), "taskType", "DRAFT_RATING",
                        "labels", List.of("good", "bad")))
                .post("/api/projects").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("labels are only for CATEGORICAL"));
        Api.as(ops).body(Map.of("name", TestData.unique("rating"), "taskType", "DRAFT_RATING",
                        "revealPolicy", "NEVER_REVEAL"))
                .post("/api/projects").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:blindfold:problem:invalid-project"))
                .body("detail", allOf(containsString("DRAFT_RATING"), containsString("NEVER_REVEAL")));
        Api.as(ops).body(Map.of("name", TestData.unique("untyped")))
                .post("/api/projects").then().statusCode(400)
                .body("detail", equalTo("taskType is required: FREE_TEXT, CATEGORICAL, DRAFT_RATING or PAIRWISE."));
    }

    @Test
    void annotatorCommitsBlindThenRatesEveryDraftAndTheBlindAnswerIsFinal() {
        Fixture f = TestData.project("DRAFT_RATING", null, 1, 1, 1, "REVEAL_AFTER_COMMIT");
        String me = f.annotator();
        long aid = TestData.next(me, f.projectId());
        Api.as(me).get("/api/assignments/" + aid + "/drafts").then().statusCode(409)
                .body("type", equalTo("urn:blindfold:problem:not-committed"));
        TestData.commit(me, aid, BLIND);
        Api.as(me).get("/api/assignments/" + aid + "/drafts").then().statusCode(200).body("slot", equalTo(List.of("A", "B")));

        Map<String, Object> rate = Map.of("decision", "RATE", "ratings", Map.of("A", 4, "B", 2));
        Api.as(me).body(rate).post("/api/assignments/" + aid + "/final").then().statusCode(200)
                .body("decision", equalTo("RATE")).body("answer", equalTo(BLIND));
        Api.as(me).body(rate).post("/api/assignments/" + aid + "/final").then().statusCode(200)
                .body("decision", equalTo("RATE"));
        Api.as(me).body(Map.of("decision", "RATE", "ratings", Map.of("A", 5, "B", 2)))
                .post("/api/assignments/" + aid + "/final").then().statusCode(409)
                .body("type", equalTo("urn:blindfold:problem:already-final"));

        JsonPath events = Api.as(f.auditor()).get("/api/assignments/" + aid + "/events").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("ITEM_SHOWN", "BLIND_COMMITTED", "DRAFTS_REVEALED", "FINAL_SAVED", "DRAFTS_RATED"),
                events.getList("type", String.class), "one FINAL_SAVED and one DRAFTS_RATED despite the repeat");
        Map<String, Object> saved = events.getMap("data[3]");
        assertEquals("RATE", saved.get("decision"));
        assertEquals(BLIND, saved.get("answer"));
        assertEquals(true, saved.get("revealed"));
        assertEquals(java.util.Set.of("decision", "answer", "acceptedSlot", "preferredSlot", "revealed"), saved.keySet());
        assertEquals(Map.of("A", 4, "B", 2), events.getMap("data[4].ratings"));
        Api.as(me).get("/api/projects/" + f.projectId() + "/next").then().statusCode(204);
    }

    @Test
    void ratingBeforeTheRevealIsAConflict() {
        Fixture f = TestData.project("DRAFT_RATING", null, 1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        Map<String, Object> rate = Map.of("decision", "RATE", "ratings", Map.of("A", 4, "B", 2));
        Api.as(f.annotator()).body(rate).post("/api/assignments/" + aid + "/final").then().statusCode(409)
                .body("type", equalTo("urn:blindfold:problem:not-committed"));
        TestData.commit(f.annotator(), aid, BLIND);
        Api.as(f.annotator()).body(rate).post("/api/assignments/" + aid + "/final").then().statusCode(409)
                .body("type", equalTo("urn:blindfold:problem:not-revealed"));
        assertEquals(List.of("ITEM_SHOWN", "BLIND_COMMITTED"), TestData.eventTypes(f.auditor(), aid));
    }

    @Test
    void ratingsMustCoverEveryShownDraftWithAWholeNumberFromOneToFive() {
        Fixture f = TestData.project("DRAFT_RATING", null, 1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = revealed(f);
        String url = "/api/assignments/" + aid + "/final";
        Api.as(f.annotator()).body(Map.of("decision", "RATE", "ratings", Map.of("A", 4))).post(url).then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:blindfold:problem:invalid-rating"))
                .body("detail", containsString("draft B"));
        Api.as(f.annotator()).body(Map.of("decision", "RATE")).post(url).then().statusCode(400)
                .body("detail", containsString("draft A"));
        Api.as(f.annotator()).body(Map.of("decision", "RATE", "ratings", Map.of("A", 4, "B", 2, "C", 3))).post(url)
                .then().statusCode(400).body("detail", containsString("'C'"));
        Api.as(f.annotator()).body(Map.of("decision", "RATE", "ratings", Map.of("A", 4, "B", 0))).post(url)
                .then().statusCode(400).body("detail", containsString("draft B"));
        Api.as(f.annotator()).body(Map.of("decision", "RATE", "ratings", Map.of("A", 4, "B", 2), "answer", "mine"))
                .post(url).then().statusCode(400).body("type", equalTo("urn:blindfold:problem:invalid-final"))
                .body("detail", containsString("answer"));
        assertEquals(List.of("ITEM_SHOWN", "BLIND_COMMITTED", "DRAFTS_REVEALED"), TestData.eventTypes(f.auditor(), aid),
                "refused ratings write nothing");
        Api.as(f.annotator()).body(Map.of("decision", "RATE", "ratings", Map.of("A", 1, "B", 5))).post(url)
                .then().statusCode(200);
    }

    @Test
    void everyOtherDecisionIsRefusedNamingRate() {
        Fixture f = TestData.project("DRAFT_RATING", null, 1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = revealed(f);
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("decision", "KEEP"),
                Map.of("decision", "REVISE", "answer", "something else"),
                Map.of("decision", "ACCEPT", "acceptedSlot", "A"),
                Map.of("decision", "PREFER", "preferredSlot", "A"),
                Map.of("decision", "TIE"))) {
            Api.as(f.annotator()).body(body).post("/api/assignments/" + aid + "/final").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:blindfold:problem:invalid-final"))
                    .body("detail", equalTo("a DRAFT_RATING project takes the decision RATE."));
        }
        assertEquals(List.of("ITEM_SHOWN", "BLIND_COMMITTED", "DRAFTS_REVEALED"), TestData.eventTypes(f.auditor(), aid));
    }

    /** The annotator's first assignment, committed blind and revealed. */
    private static long revealed(Fixture f) {
        long aid = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), aid, BLIND);
        Api.as(f.annotator()).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
        return aid;
    }
}
