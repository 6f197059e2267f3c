package dev.blindfold.labeling;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The whole loop through the API, as each role uses it. */
@QuarkusTest
class BlindLoopApiTest {

    @Test
    void annotatorLabelsAnItemFromNextToFinalAndAuditorSeesTheEventsInOrder() {
        Fixture f = TestData.freeText(3, 1, 1, "REVEAL_AFTER_COMMIT");
        String me = f.annotator();

        JsonPath next = Api.as(me).get("/api/projects/" + f.projectId() + "/next").then().statusCode(200)
                .body("position", equalTo(1)).body("total", equalTo(3))
                .body("item.externalId", notNullValue()).body("item.input", notNullValue())
                .extract().jsonPath();
        long aid = next.getLong("assignmentId");

        Api.as(me).body(Map.of("answer", "Use the reset link on the sign-in page."))
                .post("/api/assignments/" + aid + "/blind").then().statusCode(200).body("committedAt", notNullValue());
        List<Map<String, String>> drafts = Api.as(me).get("/api/assignments/" + aid + "/drafts").then()
                .statusCode(200).body("$", hasSize(2)).body("slot", contains("A", "B"))
                .extract().jsonPath().getList("$");
        assertTrue(drafts.stream().allMatch(d -> d.keySet().equals(Set.of("slot", "text", "html"))),
                "drafts show only slot, text and the text as HTML, never the model identity");

        Api.as(me).body(Map.of("decision", "REVISE", "answer", "Click 'Forgot password' on the sign-in page.",
                        "ratings", Map.of("A", 4, "B", 2)))
                .post("/api/assignments/" + aid + "/final").then().statusCode(200).body("decision", equalTo("REVISE"));

        assertEquals(List.of("ITEM_SHOWN", "BLIND_COMMITTED", "DRAFTS_REVEALED", "FINAL_SAVED", "DRAFTS_RATED"),
                TestData.eventTypes(f.auditor(), aid));
        assertEquals(TestData.eventTypes(f.auditor(), aid), TestData.eventTypes(f.ops(), aid));
    }

    @Test
    void nextResumesTheUnfinishedAssignmentBeforeHandingOutANewOne() {
        Fixture f = TestData.freeText(3, 1, 1, "REVEAL_AFTER_COMMIT");
        long first = TestData.next(f.annotator(), f.projectId());
        assertEquals(first, TestData.next(f.annotator(), f.projectId()), "unfinished work comes back first");
        TestData.commit(f.annotator(), first, "my answer");
        assertEquals(first, TestData.next(f.annotator(), f.projectId()), "committed but not final is still open");
        TestData.keep(f.annotator(), first);
        assertNotEquals(first, TestData.next(f.annotator(), f.projectId()));
    }

    @Test
    void eachItemGoesToOverlapAnnotatorsAndNeverTwiceToTheSameOne() {
        Fixture f = TestData.freeText(4, 3, 2, "REVEAL_AFTER_COMMIT");
        Map<Long, Integer> perItem = new java.util.HashMap<>();
        for (String annotator : f.annotators()) {
            Set<String> seen = new HashSet<>();
            while (true) {
                var response = Api.as(annotator).get("/api/projects/" + f.projectId() + "/next");
                if (response.statusCode() == 204) {
                    break;
                }
                JsonPath body = response.then().statusCode(200).extract().jsonPath();
                long aid = body.getLong("assignmentId");
                assertTrue(seen.add(body.getString("item.externalId")), "an annotator never gets an item twice");
                TestData.commit(annotator, aid, "answer from " + annotator);
                TestData.keep(annotator, aid);
                perItem.merge((long) body.getString("item.externalId").hashCode(), 1, Integer::sum);
            }
        }
        assertEquals(4, perItem.size());
        assertTrue(perItem.values().stream().allMatch(n -> n == 2), "every item labeled exactly overlap=2 times: " + perItem);
    }

    @Test
    void skippedItemIsNotOfferedAgainAndFreesItsPlaceForSomeoneElse() {
        Fixture f = TestData.freeText(1, 2, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        Api.as(f.annotator()).body(Map.of("reason", "not my language"))
                .post("/api/assignments/" + aid + "/skip").then().statusCode(200);
        Api.as(f.annotator()).get("/api/projects/" + f.projectId() + "/next").then().statusCode(204);
        TestData.next(f.annotators().get(1), f.projectId());
        assertEquals(List.of("ITEM_SHOWN", "SKIPPED"), TestData.eventTypes(f.ops(), aid));
    }

    @Test
    void keepWithoutRevealLeavesTheLabelBlindOnly() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), aid, "blind answer");
        Api.as(f.annotator()).body(Map.of("decision", "KEEP")).post("/api/assignments/" + aid + "/final")
                .then().statusCode(200).body("answer", equalTo("blind answer"));
        List<String> types = TestData.eventTypes(f.auditor(), aid);
        assertEquals(List.of("ITEM_SHOWN", "BLIND_COMMITTED", "FINAL_SAVED"), types);
        assertTrue(types.stream().noneMatch("DRAFTS_REVEALED"::equals));
    }

    @Test
    void categoricalAnswerMustBeOneOfTheProjectLabels() {
        Fixture f = TestData.project("CATEGORICAL", List.of("spam", "ham"), 1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        Api.as(f.annotator()).body(Map.of("answer", "eggs")).post("/api/assignments/" + aid + "/blind")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", not(equalTo(null)));
        TestData.commit(f.annotator(), aid, "ham");
        Api.as(f.annotator()).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
        Api.as(f.annotator()).body(Map.of("decision", "ACCEPT", "acceptedSlot", "A"))
                .post("/api/assignments/" + aid + "/final").then().statusCode(200);
    }

    @Test
    void freeTextAndCategoricalRefuseRatePreferAndTieNamingTheirOwnDecisions() {
        for (Fixture f : List.of(TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT"),
                TestData.project("CATEGORICAL", List.of("spam", "ham"), 1, 1, 1, "REVEAL_AFTER_COMMIT"))) {
            long aid = TestData.next(f.annotator(), f.projectId());
            TestData.commit(f.annotator(), aid, "ham");
            Api.as(f.annotator()).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
            for (Map<String, Object> body : List.<Map<String, Object>>of(
                    Map.of("decision", "RATE", "ratings", Map.of("A", 3, "B", 3)),
                    Map.of("decision", "PREFER", "preferredSlot", "A"),
                    Map.of("decision", "TIE"))) {
                Api.as(f.annotator()).body(body).post("/api/assignments/" + aid + "/final").then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:blindfold:problem:invalid-final"))
                        .body("detail", endsWith("project takes the decision KEEP, REVISE or ACCEPT."));
            }
            Api.as(f.annotator()).body(Map.of("decision", "KEEP", "preferredSlot", "A"))
                    .post("/api/assignments/" + aid + "/final").then().statusCode(400)
                    .body("detail", containsString("preferredSlot"));
            TestData.keep(f.annotator(), aid);
        }
    }

    @Test
    void nextReturnsNoContentWhenTheAnnotatorIsDone() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), aid, "done");
        TestData.keep(f.annotator(), aid);
        Api.as(f.annotator()).get("/api/projects/" + f.projectId() + "/next").then().statusCode(204);
    }
}
