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
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** B1 and B3: no reveal before a committed blind answer, and the reveal's event follows the commit's. */
@QuarkusTest
class RevealOrderTest {

    @Test
    void annotatorCannotRevealBeforeCommitAndTheRefusalCarriesNoDraft() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        String body = Api.as(f.annotator()).get("/api/assignments/" + aid + "/drafts").then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:blindfold:problem:not-committed"))
                .extract().asString();
        f.secrets().forEach(secret -> assertFalse(body.contains(secret), "409 body leaks " + secret));
        assertEquals(List.of("ITEM_SHOWN"), TestData.eventTypes(f.auditor(), aid), "a refused reveal records nothing");
    }

    @Test
    void refusedCommitLeavesTheRevealRefused() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        Api.as(f.annotator()).body(Map.of("answer", "   ")).post("/api/assignments/" + aid + "/blind")
                .then().statusCode(400);
        Api.as(f.annotator()).get("/api/assignments/" + aid + "/drafts").then().statusCode(409);
        assertEquals(List.of("ITEM_SHOWN"), TestData.eventTypes(f.auditor(), aid));
    }

    @Test
    void revealEventFollowsTheCommitEventInTheLogAndInServerTime() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), aid, "my own answer");
        Api.as(f.annotator()).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
        JsonPath events = Api.as(f.auditor()).get("/api/assignments/" + aid + "/events").then().statusCode(200)
                .extract().jsonPath();
        List<String> types = events.getList("type", String.class);
        List<Integer> seqs = events.getList("seq", Integer.class);
        int commit = types.indexOf("BLIND_COMMITTED");
        int reveal = types.indexOf("DRAFTS_REVEALED");
        assertTrue(commit >= 0 && reveal > commit, "commit before reveal: " + types);
        assertTrue(seqs.get(reveal) > seqs.get(commit));
        Instant committedAt = Instant.parse(events.getString("serverTime[" + commit + "]"));
        Instant revealedAt = Instant.parse(events.getString("serverTime[" + reveal + "]"));
        assertFalse(revealedAt.isBefore(committedAt));
        assertEquals("my own answer", events.getString("data[" + commit + "].answer"));
        List<Map<String, Object>> order = events.getList("data[" + reveal + "].order");
        assertEquals(List.of("A", "B"), order.stream().map(o -> o.get("slot")).toList(), "the shown order is recorded");
        assertTrue(order.stream().allMatch(o -> o.containsKey("model") && o.containsKey("family") && o.containsKey("version")));
    }

    @Test
    void slotOrderIsFixedPerAssignmentOnRepeatedReveals() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), aid, "answer");
        List<String> first = Api.as(f.annotator()).get("/api/assignments/" + aid + "/drafts").then().statusCode(200)
                .extract().jsonPath().getList("text", String.class);
        List<String> again = Api.as(f.annotator()).get("/api/assignments/" + aid + "/drafts").then().statusCode(200)
                .extract().jsonPath().getList("text", String.class);
        assertEquals(first, again);
    }

    @Test
    void neverRevealProjectRefusesTheRevealAndAllowsOnlyKeep() {
        Fixture f = TestData.freeText(1, 1, 1, "NEVER_REVEAL");
        long aid = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), aid, "answer");
        Api.as(f.annotator()).get("/api/assignments/" + aid + "/drafts").then().statusCode(409)
                .body("type", equalTo("urn:blindfold:problem:reveal-disabled"));
        Api.as(f.annotator()).body(Map.of("decision", "ACCEPT", "acceptedSlot", "A"))
                .post("/api/assignments/" + aid + "/final").then().statusCode(409)
                .body("type", equalTo("urn:blindfold:problem:not-revealed"));
        TestData.keep(f.annotator(), aid);
    }

    @Test
    void reviseAcceptAndRatingsNeedARevealFirst() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        Api.as(f.annotator()).body(Map.of("decision", "KEEP")).post("/api/assignments/" + aid + "/final")
                .then().statusCode(409).body("type", equalTo("urn:blindfold:problem:not-committed"));
        TestData.commit(f.annotator(), aid, "answer");
        Api.as(f.annotator()).body(Map.of("decision", "REVISE", "answer", "new")).post("/api/assignments/" + aid + "/final")
                .then().statusCode(409).body("detail", containsString("revealed"));
        Api.as(f.annotator()).body(Map.of("decision", "KEEP", "ratings", Map.of("A", 3)))
                .post("/api/assignments/" + aid + "/final").then().statusCode(409);
        Api.as(f.annotator()).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
        Api.as(f.annotator()).body(Map.of("decision", "ACCEPT", "acceptedSlot", "C"))
                .post("/api/assignments/" + aid + "/final").then().statusCode(400);
        Api.as(f.annotator()).body(Map.of("decision", "KEEP", "ratings", Map.of("A", 6)))
                .post("/api/assignments/" + aid + "/final").then().statusCode(400);
        Api.as(f.annotator()).body(Map.of("decision", "ACCEPT", "acceptedSlot", "B", "ratings", Map.of("A", 1, "B", 5)))
                .post("/api/assignments/" + aid + "/final").then().statusCode(200);
    }
}
