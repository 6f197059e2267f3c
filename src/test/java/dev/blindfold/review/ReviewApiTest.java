package dev.blindfold.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.provenance.Event;
import dev.blindfold.provenance.chain.EventType;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Test
    void disagreeingBlindAnswersSendTheItemToReviewAgreeingOnesDoNot() {
        ReviewFixture agree = ReviewFixture.freeText("Use the reset link.", "Use the reset link.");
        assertEquals(0, ((Number) agree.rates().get("sent")).intValue());
        Api.as(agree.reviewer()).get(agree.nextPath()).then().statusCode(204);

        ReviewFixture disagree = ReviewFixture.freeText("Use the reset link.", "Call support.");
        Map<String, Object> rates = disagree.rates();
        assertEquals(1, ((Number) rates.get("sent")).intValue());
        assertEquals(1, ((Number) rates.get("open")).intValue());
        assertEquals(1, ((Number) rates.get("doneItems")).intValue());
        assertEquals(1.0, ((Number) rates.get("sentShare")).doubleValue());
    }

    @Test
    void categoricalItemsAreJudgedByLabelAndOffSendsNothing() {
        List<String> labels = List.of("billing", "refund", "other");
        ReviewFixture same = ReviewFixture.of("CATEGORICAL", labels, 0.6, List.of("billing", "billing", "refund"));
        assertEquals(0, ((Number) same.rates().get("sent")).intValue(), "2 of 3 agree: 0.67 is not below 0.6");
        ReviewFixture split = ReviewFixture.of("CATEGORICAL", labels, 0.6, List.of("billing", "refund", "other"));
        assertEquals(1, ((Number) split.rates().get("sent")).intValue());
        ReviewFixture off = ReviewFixture.of("CATEGORICAL", labels, 0, List.of("billing", "refund"));
        assertEquals(0, ((Number) off.rates().get("sent")).intValue());

        JsonPath shown = Api.as(split.reviewer()).get(split.nextPath()).then().statusCode(200).extract().jsonPath();
        Api.as(split.reviewer()).body(Map.of("answer", "not a label"))
                .post("/api/review/items/" + shown.getLong("itemId") + "/commit").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void reviewerSeesAnonymousAnswersInALoggedRandomOrderAndNoDraftUntilTheCommit() throws Exception {
        ReviewFixture f = ReviewFixture.freeText("Use the reset link.", "Call support.");
        String body = Api.as(f.reviewer()).get(f.nextPath()).then().statusCode(200).extract().asString();
        for (String secret : f.project().secrets()) {
            assertFalse(body.contains(secret), "nothing of a draft before the commit: " + secret);
        }
        for (String annotator : f.project().annotators()) {
            assertFalse(body.contains(annotator), "no annotator named");
        }
        for (long aid : f.assignments()) {
            assertFalse(body.contains("\"" + aid + "\""), "no assignment id");
        }
        JsonPath shown = JsonPath.from(body);
        long itemId = shown.getLong("itemId");
        Api.as(f.reviewer()).get("/api/review/items/" + itemId + "/drafts").then().statusCode(409);

        JsonNode logged = payload(f.reviewer(), f.projectId(), EventType.REVIEW_SHOWN).get(0);
        List<String> shownTexts = shown.getList("answers.text", String.class);
        List<Long> loggedOrder = new ArrayList<>();
        logged.get("answers").forEach(a -> loggedOrder.add(a.get("assignmentId").asLong()));
        List<String> loggedTexts = loggedOrder.stream().map(this::blindAnswer).toList();
        assertEquals(shownTexts, loggedTexts, "the log records the order the answers were shown in");
        assertEquals(itemId, logged.get("itemId").asLong());
    }

    @Test
    void commitThenRevealThenFinalInThatOrderWithExposureAndRates() throws Exception {
        ReviewFixture f = ReviewFixture.freeText("Use the reset link.", "Call support.");
        JsonPath shown = Api.as(f.reviewer()).get(f.nextPath()).then().statusCode(200).extract().jsonPath();
        long itemId = shown.getLong("itemId");
        String picked = shown.getString("answers[1].text");
        Api.as(f.reviewer()).body(Map.of("pickedSlot", 2)).post("/api/review/items/" + itemId + "/commit")
                .then().statusCode(200);
        Map<String, Object> committed = Api.as(f.reviewer()).body(Map.of("pickedSlot", 2))
                .post("/api/review/items/" + itemId + "/commit").then().statusCode(200).extract().jsonPath().getMap("$");
        assertEquals(picked, committed.get("answer"), "a repeat of the commit is answered again");
        assertEquals("blind_only", committed.get("exposure"));
        Api.as(f.reviewer()).body(Map.of("answer", "Something else."))
                .post("/api/review/items/" + itemId + "/commit").then().statusCode(409);
        assertEquals(1, ((Number) f.rates().get("adjudicated")).intValue());
        assertEquals(0, ((Number) f.rates().get("open")).intValue());

        List<Map<String, String>> drafts = Api.as(f.reviewer()).get("/api/review/items/" + itemId + "/drafts")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(2, drafts.size());
        Map<String, Object> fin = Api.as(f.reviewer()).body(Map.of("decision", "REVISE", "answer", "Use the reset link,"
                        + " then sign in.")).post("/api/review/items/" + itemId + "/final").then().statusCode(200)
                .extract().jsonPath().getMap("$");
        assertEquals("revised_after_reveal", fin.get("exposure"));
        assertEquals("FINAL", fin.get("status"));

        List<Event> events = events(f.reviewer(), f.projectId());
        List<EventType> types = events.stream().map(Event::type).toList();
        assertEquals(List.of(EventType.REVIEW_SHOWN, EventType.ADJUDICATION_COMMITTED, EventType.ADJUDICATION_REVEALED,
                EventType.ADJUDICATION_FINAL), types, "B3: the reveal's event follows the commit's");
        assertTrue(events.get(2).serverTime().compareTo(events.get(1).serverTime()) >= 0);
        Api.as(f.reviewer()).get(f.nextPath()).then().statusCode(204);
        Api.as(f.project().auditor()).get("/api/projects/" + f.projectId() + "/audit/verify").then().statusCode(200);
    }

    @Test
    void acceptingADraftAndKeepingAreClassedAndExportedOnEveryLabelOfTheItem() throws Exception {
        ReviewFixture f = ReviewFixture.freeText("Use the reset link.", "Call support.");
        long itemId = Api.as(f.reviewer()).get(f.nextPath()).then().statusCode(200).extract().jsonPath().getLong("itemId");
        Api.as(f.reviewer()).body(Map.of("answer", "Reset it from the sign-in page."))
                .post("/api/review/items/" + itemId + "/commit").then().statusCode(200);
        Api.as(f.reviewer()).get("/api/review/items/" + itemId + "/drafts").then().statusCode(200);
        Api.as(f.reviewer()).body(Map.of("decision", "ACCEPT", "acceptedSlot", "Z"))
                .post("/api/review/items/" + itemId + "/final").then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> fin = Api.as(f.reviewer()).body(Map.of("decision", "ACCEPT", "acceptedSlot", "A"))
                .post("/api/review/items/" + itemId + "/final").then().statusCode(200).extract().jsonPath().getMap("$");
        assertEquals("draft_accepted", fin.get("exposure"));

        String jsonl = Api.as(f.project().ops()).get("/api/projects/" + f.projectId() + "/export?format=jsonl").then()
                .statusCode(200).extract().asString();
        int rows = 0;
        for (String line : jsonl.split("\n")) {
            JsonNode row = JSON.readTree(line);
            assertEquals(fin.get("answer"), row.get("adjudicated_answer").asText());
            assertEquals("draft_accepted", row.get("adjudication_exposure").asText());
            rows++;
        }
        assertEquals(2, rows);
        String csv = Api.as(f.project().ops()).get("/api/projects/" + f.projectId() + "/export?format=csv").then()
                .statusCode(200).extract().asString();
        assertTrue(csv.lines().findFirst().orElseThrow().contains("adjudicated_answer,adjudication_exposure"), csv);
        assertTrue(csv.contains("draft_accepted"));

        ReviewFixture kept = ReviewFixture.freeText("Use the reset link.", "Call support.");
        long other = Api.as(kept.reviewer()).get(kept.nextPath()).then().statusCode(200).extract().jsonPath().getLong("itemId");
        Api.as(kept.reviewer()).body(Map.of("pickedSlot", 1)).post("/api/review/items/" + other + "/commit").then().statusCode(200);
        Api.as(kept.reviewer()).get("/api/review/items/" + other + "/drafts").then().statusCode(200);
        assertEquals("blind_kept", Api.as(kept.reviewer()).body(Map.of("decision", "KEEP"))
                .post("/api/review/items/" + other + "/final").then().statusCode(200).extract().jsonPath().getString("exposure"));
    }

    @Test
    void anItemGoesToOneReviewerAndNeverToOneWhoLabeledIt() {
        ReviewFixture f = ReviewFixture.freeText("Use the reset link.", "Call support.");
        String annotatorReviewer = f.project().annotator();
        Api.as(Api.ADMIN).body(Map.of("roles", List.of("reviewer")))
                .patch("/api/users/" + userId(annotatorReviewer)).then().statusCode(200);
        Api.as(annotatorReviewer).get(f.nextPath()).then().statusCode(204);
        long itemId = Api.as(f.reviewer()).get(f.nextPath()).then().statusCode(200).extract().jsonPath().getLong("itemId");
        String second = TestData.user("reviewer");
        Api.as(second).get(f.nextPath()).then().statusCode(204);
        Api.as(second).body(Map.of("pickedSlot", 1)).post("/api/review/items/" + itemId + "/commit").then().statusCode(404);
        assertEquals(itemId, Api.as(f.reviewer()).get(f.nextPath()).then().statusCode(200).extract().jsonPath()
                .getLong("itemId"), "the reviewer's own item comes back to them");
    }

    @Test
    void aGoldItemIsNeverSentToReviewHoweverItsBlindAnswersDisagree() {
        var f = TestData.freeTextAllGold(1, 2, 2, "REVEAL_AFTER_COMMIT");
        Api.as(f.ops()).body(Map.of("adjudicationBelow", 1.0)).patch("/api/projects/" + f.projectId()).then()
                .statusCode(200);
        TestData.commit(f.annotators().get(0), TestData.next(f.annotators().get(0), f.projectId()), "one answer");
        TestData.commit(f.annotators().get(1), TestData.next(f.annotators().get(1), f.projectId()), "another answer");
        Api.as(TestData.user("reviewer")).get("/api/projects/" + f.projectId() + "/review/next").then().statusCode(204);
        assertEquals(0, ((Number) Api.as(f.ops()).get("/api/projects/" + f.projectId() + "/adjudications").then()
                .statusCode(200).extract().jsonPath().get("sent")).intValue());
    }

    @Test
    void badAdjudicationRequestsAreProblems() {
        ReviewFixture f = ReviewFixture.freeText("Use the reset link.", "Call support.");
        long itemId = Api.as(f.reviewer()).get(f.nextPath()).then().statusCode(200).extract().jsonPath().getLong("itemId");
        String commit = "/api/review/items/" + itemId + "/commit";
        for (Object body : List.of(Map.of(), Map.of("answer", "x", "pickedSlot", 1), Map.of("pickedSlot", 0),
                Map.of("pickedSlot", 3), Map.of("answer", " "))) {
            Api.as(f.reviewer()).body(body).post(commit).then().statusCode(400).contentType("application/problem+json");
        }
        Api.as(f.reviewer()).body(Map.of("decision", "KEEP")).post("/api/review/items/" + itemId + "/final")
                .then().statusCode(409);
        Api.as(f.project().ops()).body(Map.of("adjudicationBelow", 1.5)).patch("/api/projects/" + f.projectId())
                .then().statusCode(400).contentType("application/problem+json");
        Api.as(f.project().ops()).body(Map.of("adjudicationBelow", "half")).patch("/api/projects/" + f.projectId())
                .then().statusCode(400).contentType("application/problem+json");
        assertNotEquals(0, itemId);
    }

    private long userId(String username) {
        return ((Number) em.createNativeQuery("SELECT id FROM users WHERE username = ?1").setParameter(1, username)
                .getSingleResult()).longValue();
    }

    private String blindAnswer(long assignmentId) {
        return (String) em.createNativeQuery("SELECT answer FROM blind_answers WHERE assignment_id = ?1")
                .setParameter(1, assignmentId).getSingleResult();
    }

    private List<Event> events(String username, long projectId) {
        return em.createQuery("from Event e where e.projectId = :p and e.actorId = :u order by e.seq", Event.class)
                .setParameter("p", projectId).setParameter("u", userId(username)).getResultList();
    }

    private List<JsonNode> payload(String username, long projectId, EventType type) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (Event e : events(username, projectId)) {
            if (e.type() == type) {
                out.add(JSON.readTree(e.payload()));
            }
        }
        return out;
    }
}
