package dev.blindfold.labeling;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * PAIRWISE through the API: the blind answer first, then the drafts shown anonymously in the
 * assignment's random order, then the preferred one (PREFER) or a TIE; the final answer is the
 * blind answer.
 */
@QuarkusTest
class PairwiseApiTest {

    private static final String BLIND = "Click 'Forgot password' and follow the emailed link.";

    @Test
    void pairwiseProjectTakesNoLabelsAndRefusesNeverReveal() {
        String ops = TestData.user("ops");
        Api.as(ops).body(Map.of("name", TestData.unique("pairwise"), "taskType", "PAIRWISE"))
                .post("/api/projects").then().statusCode(201);
        Api.as(ops).body(Map.of("name", TestData.unique("pairwise"), "taskType", "PAIRWISE", "labels", List.of("x", "y")))
                .post("/api/projects").then().statusCode(400).body("detail", containsString("labels are only for CATEGORICAL"));
        Api.as(ops).body(Map.of("name", TestData.unique("pairwise"), "taskType", "PAIRWISE", "revealPolicy", "NEVER_REVEAL"))
                .post("/api/projects").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:blindfold:problem:invalid-project"))
                .body("detail", allOf(containsString("PAIRWISE"), containsString("NEVER_REVEAL")));
    }

    @Test
    void annotatorCommitsBlindSeesAnonymousResponsesAndPrefersOne() {
        Fixture f = TestData.project("PAIRWISE", null, 1, 1, 1, "REVEAL_AFTER_COMMIT");
        String me = f.annotator();
        long aid = TestData.next(me, f.projectId());
        TestData.commit(me, aid, BLIND);

        String body = Api.as(me).get("/api/assignments/" + aid + "/drafts").then().statusCode(200).extract().asString();
        List<Map<String, Object>> shown = JsonPath.from(body).getList("$");
        assertEquals(List.of("A", "B"), shown.stream().map(d -> d.get("slot")).toList());
        assertTrue(shown.stream().allMatch(d -> d.keySet().equals(Set.of("slot", "text", "html"))),
                "only slot letters, text and its HTML: " + shown);
        List<String> identities = f.secrets().stream().filter(s -> !s.startsWith("zdrafttext")).toList();
        identities.forEach(secret -> assertFalse(body.contains(secret), "the reveal names the model: " + secret));
        String page = Api.as(me).get("/assignments/" + aid).then().statusCode(200).extract().asString();
        identities.forEach(secret -> assertFalse(page.contains(secret), "the item page names the model: " + secret));

        Map<String, Object> prefer = Map.of("decision", "PREFER", "preferredSlot", "B");
        Api.as(me).body(prefer).post("/api/assignments/" + aid + "/final").then().statusCode(200)
                .body("decision", equalTo("PREFER")).body("answer", equalTo(BLIND)).body("preferredSlot", equalTo("B"));
        Api.as(me).body(prefer).post("/api/assignments/" + aid + "/final").then().statusCode(200);
        Api.as(me).body(Map.of("decision", "PREFER", "preferredSlot", "A"))
                .post("/api/assignments/" + aid + "/final").then().statusCode(409)
                .body("type", equalTo("urn:blindfold:problem:already-final"));
        Api.as(me).body(Map.of("decision", "TIE")).post("/api/assignments/" + aid + "/final").then().statusCode(409);

        JsonPath events = Api.as(f.auditor()).get("/api/assignments/" + aid + "/events").then().statusCode(200)
                .extract().jsonPath();
        List<String> types = events.getList("type", String.class);
        assertEquals(List.of("ITEM_SHOWN", "BLIND_COMMITTED", "DRAFTS_REVEALED", "ITEM_SHOWN", "FINAL_SAVED"), types,
                "the item page opened after the reveal is a resumed showing; one FINAL_SAVED despite the repeat");
        List<Integer> seqs = events.getList("seq", Integer.class);
        assertTrue(seqs.get(1) < seqs.get(2) && seqs.get(2) < seqs.get(4), "commit < reveal < final in the chain: " + seqs);
        Map<String, Object> saved = events.getMap("data[4]");
        assertEquals(Set.of("decision", "answer", "acceptedSlot", "preferredSlot", "revealed"), saved.keySet());
        assertEquals("PREFER", saved.get("decision"));
        assertEquals("B", saved.get("preferredSlot"));
        assertEquals(BLIND, saved.get("answer"));
        assertNull(saved.get("acceptedSlot"));
        List<Map<String, Object>> order = events.getList("data[2].order");
        assertEquals(shown.stream().map(d -> d.get("text")).toList(), order.stream().map(o -> o.get("text")).toList(),
                "the annotator saw the drafts in the logged order, so B names one logged draft");
    }

    @Test
    void aTieIsSavedWithoutAPreferredSlotAndTheSlotIsNotTakenWithIt() {
        Fixture f = TestData.project("PAIRWISE", null, 1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = revealed(f);
        String url = "/api/assignments/" + aid + "/final";
        Api.as(f.annotator()).body(Map.of("decision", "TIE", "preferredSlot", "A")).post(url).then().statusCode(400)
                .body("type", equalTo("urn:blindfold:problem:invalid-final"))
                .body("detail", containsString("preferredSlot"));
        Api.as(f.annotator()).body(Map.of("decision", "TIE")).post(url).then().statusCode(200)
                .body("decision", equalTo("TIE")).body("answer", equalTo(BLIND));
        Map<String, Object> saved = Api.as(f.auditor()).get("/api/assignments/" + aid + "/events").then().statusCode(200)
                .extract().jsonPath().getMap("find { it.type == 'FINAL_SAVED' }.data");
        assertTrue(saved.containsKey("preferredSlot"));
        assertNull(saved.get("preferredSlot"), "null when there is no preference");
        assertEquals("TIE", saved.get("decision"));
    }

    @Test
    void preferringOrTyingBeforeTheRevealIsAConflict() {
        Fixture f = TestData.project("PAIRWISE", null, 1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), aid, BLIND);
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("decision", "PREFER", "preferredSlot", "A"), Map.of("decision", "TIE"))) {
            Api.as(f.annotator()).body(body).post("/api/assignments/" + aid + "/final").then().statusCode(409)
                    .body("type", equalTo("urn:blindfold:problem:not-revealed"));
        }
        assertEquals(List.of("ITEM_SHOWN", "BLIND_COMMITTED"), TestData.eventTypes(f.auditor(), aid));
    }

    @Test
    void preferringASlotThatWasNotShownIsRefused() {
        Fixture f = TestData.project("PAIRWISE", null, 1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = revealed(f);
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("decision", "PREFER", "preferredSlot", "C"),
                Map.of("decision", "PREFER", "preferredSlot", "a"),
                Map.of("decision", "PREFER"))) {
            Api.as(f.annotator()).body(body).post("/api/assignments/" + aid + "/final").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:blindfold:problem:invalid-final"))
                    .body("detail", containsString("preferredSlot must name a shown draft slot (A or B)"));
        }
        assertEquals(List.of("ITEM_SHOWN", "BLIND_COMMITTED", "DRAFTS_REVEALED"), TestData.eventTypes(f.auditor(), aid));
    }

    @Test
    void everyOtherDecisionIsRefusedNamingPreferAndTie() {
        Fixture f = TestData.project("PAIRWISE", null, 1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = revealed(f);
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("decision", "KEEP"),
                Map.of("decision", "REVISE", "answer", "something else"),
                Map.of("decision", "ACCEPT", "acceptedSlot", "A"),
                Map.of("decision", "RATE", "ratings", Map.of("A", 3, "B", 3)))) {
            Api.as(f.annotator()).body(body).post("/api/assignments/" + aid + "/final").then().statusCode(400)
                    .body("type", equalTo("urn:blindfold:problem:invalid-final"))
                    .body("detail", equalTo("a PAIRWISE project takes the decision PREFER or TIE."));
        }
        Api.as(f.annotator()).body(Map.of("answer", "x")).post("/api/assignments/" + aid + "/final").then()
                .statusCode(400).body("detail", containsString("PREFER or TIE"));
    }

    /** The annotator's first assignment, committed blind and revealed. */
    private static long revealed(Fixture f) {
        long aid = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), aid, BLIND);
        Api.as(f.annotator()).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
        return aid;
    }
}
