package dev.blindfold.golditems;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.Browser;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gold items: items label ops give a known answer by import (NDJSON/CSV {@code gold}, Label Studio
 * {@code ground_truth}) or by API, mixed into every annotator's queue at the project's gold rate, with accuracy on
 * them kept per annotator, blind and final, and an optional qualification.
 */
@QuarkusTest
class GoldItemsApiTest {

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    private static final List<String> LABELS = List.of("yes", "no");

    private static String line(String externalId, String gold) {
        return "{\"externalId\":\"" + externalId + "\",\"input\":\"Is " + externalId + " fine?\""
                + (gold == null ? "" : ",\"gold\":\"" + gold + "\"") + "}\n";
    }

    private static JsonPath importItems(String ops, long projectId, String contentType, String query, String body,
                                        int status) {
        return Api.as(ops).contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + projectId + "/items" + query).then().statusCode(status).extract().jsonPath();
    }

    private static JsonPath accuracy(String reader, long projectId) {
        return Api.as(reader).get("/api/projects/" + projectId + "/gold-accuracy").then().statusCode(200).extract()
                .jsonPath();
    }

    private static void settings(String ops, long projectId, Map<String, Object> body) {
        Api.as(ops).body(body).patch("/api/projects/" + projectId).then().statusCode(200);
    }

    private static JsonPath next(String annotator, long projectId) {
        return Api.as(annotator).get("/api/projects/" + projectId + "/next").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void ndjsonCsvAndLabelStudioImportsMakeGoldItems() {
        String ops = TestData.user("ops");
        long projectId = TestData.project(ops, "CATEGORICAL", LABELS, 1, "REVEAL_AFTER_COMMIT",
                line("n1", "yes") + line("n2", null), List.of());
        assertEquals(1, accuracy(ops, projectId).getInt("goldItems"));
        JsonPath csv = importItems(ops, projectId, "text/csv", "", "externalId,input,gold\r\nc1,Is c1 fine?,no\r\n"
                + "c2,Is c2 fine?,\r\n", 200);
        assertEquals(1, csv.getInt("goldItems"));
        String tasks = "[{\"id\": 7, \"data\": {\"text\": \"Is t7 fine?\"}, \"annotations\": [{\"id\": 1,"
                + " \"ground_truth\": true, \"result\": [{\"value\": {\"choices\": [\"yes\"]}}]}]},"
                + " {\"id\": 8, \"data\": {\"text\": \"Is t8 fine?\"}, \"annotations\": [{\"id\": 2,"
                + " \"result\": [{\"value\": {\"choices\": [\"no\"]}}]}]}]";
        JsonPath ls = importItems(ops, projectId, "application/json", "?format=label-studio", tasks, 200);
        assertEquals(1, ls.getInt("goldItems"));
        assertEquals(2, ls.getInt("labels"), "the ground truth annotation is an imported label too");
        assertEquals(3, accuracy(ops, projectId).getInt("goldItems"));
    }

    @Test
    void aBadGoldValueRefusesTheWholeFileAndWritesNothing() {
        String ops = TestData.user("ops");
        long projectId = TestData.project(ops, "CATEGORICAL", LABELS, 1, "REVEAL_AFTER_COMMIT", line("ok", "yes"),
                List.of());
        Api.as(ops).contentType("application/x-ndjson").body((line("b1", "yes") + line("b2", "maybe"))
                        .getBytes(StandardCharsets.UTF_8)).post("/api/projects/" + projectId + "/items").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("line 2"))
                .body("detail", containsString("one of the project's labels"));
        Api.as(ops).contentType("application/x-ndjson").body((line("b3", null).replace("}\n", ",\"gold\":7}\n"))
                        .getBytes(StandardCharsets.UTF_8)).post("/api/projects/" + projectId + "/items").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("gold must be a string"));
        String disagreeing = "[{\"id\": 9, \"data\": {\"text\": \"q\"}, \"annotations\": ["
                + "{\"id\": 1, \"ground_truth\": true, \"result\": [{\"value\": {\"choices\": [\"yes\"]}}]},"
                + "{\"id\": 2, \"ground_truth\": true, \"result\": [{\"value\": {\"choices\": [\"no\"]}}]}]}]";
        Api.as(ops).contentType("application/json").body(disagreeing).post("/api/projects/" + projectId
                        + "/items?format=label-studio").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("ground_truth"));
        assertEquals(1, accuracy(ops, projectId).getInt("goldItems"), "no gold item of a refused file was kept");
        JsonPath again = importItems(ops, projectId, "application/x-ndjson", "", line("b1", "yes") + line("b2", "no"), 200);
        assertEquals(2, again.getInt("created"), "no item of a refused file was kept either");
    }

    @Test
    void opsMarkAndUnmarkAnItemUntilSomeoneIsHandedIt() throws Exception {
        String ops = TestData.user("ops");
        String ana = TestData.user("annotator");
        long projectId = TestData.project(ops, "CATEGORICAL", LABELS, 1, "REVEAL_AFTER_COMMIT", line("m1", null),
                List.of(ana));
        String gold = "/api/projects/" + projectId + "/items/m1/gold";
        Api.as(ops).body(Map.of("answer", "maybe")).put(gold).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("labels"));
        Api.as(ops).body(Map.of("answer", "yes")).put("/api/projects/" + projectId + "/items/nope/gold").then()
                .statusCode(404).contentType("application/problem+json");
        Api.as(ops).body(Map.of("answer", "yes")).put(gold).then().statusCode(200).body("gold", equalTo(true));
        assertEquals(1, accuracy(ops, projectId).getInt("goldItems"));
        Api.as(ops).delete(gold).then().statusCode(200).body("wasGold", equalTo(true));
        assertEquals(0, accuracy(ops, projectId).getInt("goldItems"));
        Api.as(ops).body(Map.of("answer", "no")).put(gold).then().statusCode(200);

        assertEquals("m1", next(ana, projectId).getString("item.externalId"), "a gold item is handed out");
        Api.as(ops).body(Map.of("answer", "yes")).put(gold).then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("gold-item-in-use"));
        Api.as(ops).delete(gold).then().statusCode(409).body("type", containsString("gold-item-in-use"));
        assertEquals(1, accuracy(ops, projectId).getInt("goldItems"));
        assertEquals(List.of(ops + " GOLD_ITEM_SET {answer=yes, itemExternalId=m1}",
                        ops + " GOLD_ITEM_CLEARED {itemExternalId=m1}",
                        ops + " GOLD_ITEM_SET {answer=no, itemExternalId=m1}"),
                goldEvents(projectId), "each change is an event in the ops user's chain; refusals log nothing");
    }

    /** The project's gold-item events in order: actor, type and payload; each on no assignment. */
    @SuppressWarnings("unchecked")
    private List<String> goldEvents(long projectId) throws Exception {
        List<String> events = new ArrayList<>();
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("SELECT u.username, e.type, e.payload,"
                + " e.assignment_id FROM events e JOIN users u ON u.id = e.actor_id WHERE e.project_id = ?"
                + " AND e.type LIKE 'GOLD_ITEM_%' ORDER BY e.id")) {
            s.setLong(1, projectId);
            try (var r = s.executeQuery()) {
                while (r.next()) {
                    assertEquals(null, r.getObject(4), "no assignment");
                    events.add(r.getString(1) + " " + r.getString(2) + " "
                            + new java.util.TreeMap<>(new com.fasterxml.jackson.databind.ObjectMapper()
                            .readValue(r.getString(3), Map.class)));
                }
            }
        }
        return events;
    }

    @Test
    void goldSlotsFollowTheRateAndEitherKindFallsBackToTheOther() {
        String ops = TestData.user("ops");
        String first = TestData.user("annotator");
        String last = TestData.user("annotator");
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            items.append(line("r" + i, null));
        }
        items.append(line("g0", "an answer")).append(line("g1", "an answer"));
        long projectId = TestData.project(ops, "FREE_TEXT", null, 2, "REVEAL_AFTER_COMMIT", items.toString(),
                List.of(first, last));
        settings(ops, projectId, Map.of("goldRate", 1.0));
        assertEquals(List.of("g", "g", "r", "r", "r", "r"), kinds(first, projectId),
                "every slot is gold while gold lasts, then regular items");
        settings(ops, projectId, Map.of("goldRate", 0.0));
        assertEquals(List.of("r", "r", "r", "r", "g", "g"), kinds(last, projectId),
                "no gold slots, and gold items once the regular ones run out");
    }

    /** Works through the annotator's whole queue; "r" or "g" per item, checking that "of N" never moves. */
    private static List<String> kinds(String annotator, long projectId) {
        List<String> kinds = new ArrayList<>();
        while (true) {
            var r = Api.as(annotator).get("/api/projects/" + projectId + "/next");
            if (r.statusCode() == 204) {
                return kinds;
            }
            JsonPath item = r.then().statusCode(200).extract().jsonPath();
            assertEquals(6, item.getLong("total"), "item k of N counts every gold item from the start");
            assertEquals(kinds.size() + 1, item.getInt("position"));
            kinds.add(item.getString("item.externalId").substring(0, 1));
            TestData.commit(annotator, item.getLong("assignmentId"), "my answer");
            TestData.keep(annotator, item.getLong("assignmentId"));
        }
    }

    @Test
    void accuracyIsKeptForBlindAndFinalAnswersSeparatelyWithWilsonIntervals() {
        String ops = TestData.user("ops");
        String auditor = TestData.user("auditor");
        String ana = TestData.user("annotator");
        long projectId = TestData.project(ops, "CATEGORICAL", LABELS, 1, "REVEAL_AFTER_COMMIT",
                line("a1", "yes") + line("a2", "yes") + line("a3", "yes") + line("a4", null), List.of(ana));
        settings(ops, projectId, Map.of("goldRate", 1.0));
        List<String> blind = List.of("yes", "no", "yes");
        for (String answer : blind) {
            long aid = TestData.next(ana, projectId);
            TestData.commit(ana, aid, answer);
            if (answer.equals("no")) {
                Api.as(ana).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
                Api.as(ana).body(Map.of("decision", "REVISE", "answer", "yes")).post("/api/assignments/" + aid + "/final")
                        .then().statusCode(200);
            } else {
                TestData.keep(ana, aid);
            }
        }
        long regular = TestData.next(ana, projectId);
        TestData.commit(ana, regular, "no");
        TestData.keep(ana, regular);

        JsonPath rows = accuracy(auditor, projectId);
        assertEquals(3, rows.getInt("goldItems"));
        JsonPath row = new JsonPath(rows.prettify()).setRootPath("annotators.find { it.annotator == '" + ana + "' }");
        assertEquals(3, row.getInt("blind.n"), "the regular item's answer is not counted");
        assertEquals(2, row.getInt("blind.right"));
        assertEquals(2.0 / 3, row.getDouble("blind.share"), 1e-6);
        assertEquals(3, row.getInt("'final'.n"));
        assertEquals(3, row.getInt("'final'.right"));
        assertEquals(Wilson.of(2, 3).low(), row.getDouble("blind.low"), 1e-6);
        assertEquals(1.0 / 3, row.getDouble("change"), 1e-6, "the final answers were a third more often right");
        assertTrue(row.get("qualified") == null, "no qualification on this project");

        JsonPath report = Api.as(auditor).get("/api/projects/" + projectId + "/audit/report").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(3, report.getInt("quality.goldAccuracy.goldItems"));
        assertEquals(2, report.getInt("quality.goldAccuracy.annotators.find { it.annotator == '" + ana + "' }.blind.right"));
        String page = Browser.signIn(auditor).page().get("/projects/" + projectId + "/audit/report").then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"report-gold-accuracy\"") && page.contains("<td>" + ana + "</td><td>3</td><td>66.7%</td>"),
                "the report's quality section has the annotator's gold accuracy row: " + page);
    }

    @Test
    void exportsMarkLabelsOfGoldItemsWithTheKnownAnswer() throws Exception {
        String ops = TestData.user("ops");
        String ana = TestData.user("annotator");
        long projectId = TestData.project(ops, "CATEGORICAL", LABELS, 1, "REVEAL_AFTER_COMMIT",
                line("e1", "yes") + line("e2", null), List.of(ana));
        for (int i = 0; i < 2; i++) {
            long aid = TestData.next(ana, projectId);
            TestData.commit(ana, aid, "no");
            TestData.keep(ana, aid);
        }
        String jsonl = Api.as(ops).get("/api/projects/" + projectId + "/export?format=jsonl").then().statusCode(200)
                .extract().asString();
        Map<String, List<Object>> byItem = new java.util.HashMap<>();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String text : jsonl.split("\n")) {
            var row = json.readTree(text);
            byItem.put(row.get("item_external_id").asText(), java.util.Arrays.asList(row.get("gold_item").asBoolean(),
                    row.get("gold_answer").isNull() ? null : row.get("gold_answer").asText()));
        }
        assertEquals(java.util.Arrays.asList(true, "yes"), byItem.get("e1"));
        assertEquals(java.util.Arrays.asList(false, null), byItem.get("e2"));
        String csv = Api.as(ops).get("/api/projects/" + projectId + "/export?format=csv").then().statusCode(200)
                .extract().asString();
        assertTrue(csv.lines().findFirst().orElseThrow().contains("gold_item,gold_answer"), "the CSV has the columns");
    }

    @Test
    void anAnnotatorBelowTheQualificationBarGetsNoRealItems() {
        String ops = TestData.user("ops");
        String good = TestData.user("annotator");
        String poor = TestData.user("annotator");
        long projectId = TestData.project(ops, "CATEGORICAL", LABELS, 2, "REVEAL_AFTER_COMMIT",
                line("q1", "yes") + line("q2", "no") + line("q3", "yes") + line("r1", null) + line("r2", null),
                List.of(good, poor));
        settings(ops, projectId, Map.of("goldRate", 0.0, "qualificationItems", 2, "qualificationAccuracy", 1.0));
        answerNext(good, projectId, true);
        answerNext(poor, projectId, true);
        answerNext(poor, projectId, false);
        JsonPath after = accuracy(ops, projectId);
        JsonPath poorRow = new JsonPath(after.prettify()).setRootPath("annotators.find { it.annotator == '" + poor + "' }");
        assertEquals(false, poorRow.getBoolean("qualified"));
        Api.as(poor).get("/api/projects/" + projectId + "/next").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("not-qualified"))
                .body("detail", containsString("did not qualify"));
        Browser.signIn(poor).page().get("/projects/" + projectId + "/next").then().statusCode(409)
                .body(containsString("did not qualify"));

        answerNext(good, projectId, true);
        JsonPath goodRow = new JsonPath(accuracy(ops, projectId).prettify())
                .setRootPath("annotators.find { it.annotator == '" + good + "' }");
        assertEquals(true, goodRow.getBoolean("qualified"));
        String third = next(good, projectId).getString("item.externalId");
        assertTrue(third.startsWith("r"), "a qualified annotator gets real items (gold rate 0): " + third);
    }

    @Test
    void whenGoldRunsOutBeforeTheQualificationEndsTheAnswersGivenDecide() {
        String ops = TestData.user("ops");
        String ana = TestData.user("annotator");
        long projectId = TestData.project(ops, "CATEGORICAL", LABELS, 1, "REVEAL_AFTER_COMMIT",
                line("q1", "yes") + line("q3", "yes") + line("r1", null), List.of(ana));
        settings(ops, projectId, Map.of("goldRate", 0.0, "qualificationItems", 5, "qualificationAccuracy", 0.5));
        answerNext(ana, projectId, true);
        answerNext(ana, projectId, false);
        assertEquals("r1", next(ana, projectId).getString("item.externalId"), "1 of 2 right reaches 0.5: real items");
        JsonPath row = new JsonPath(accuracy(ops, projectId).prettify()).setRootPath("annotators[0]");
        assertEquals(true, row.getBoolean("qualified"));
        assertEquals(2, row.getInt("blind.n"));
    }

    /** Answers the annotator's next item, a qualification (gold) item, rightly or wrongly (q2's answer is "no"). */
    private static void answerNext(String annotator, long projectId, boolean right) {
        JsonPath item = next(annotator, projectId);
        String id = item.getString("item.externalId");
        assertTrue(id.startsWith("q"), "qualification positions are gold: " + id);
        String known = id.equals("q2") ? "no" : "yes";
        String other = known.equals("yes") ? "no" : "yes";
        TestData.commit(annotator, item.getLong("assignmentId"), right ? known : other);
        TestData.keep(annotator, item.getLong("assignmentId"));
    }

    @Test
    void goldSettingsAreCheckedAndShown() {
        String ops = TestData.user("ops");
        long projectId = TestData.project(ops, "FREE_TEXT", null, 1, "REVEAL_AFTER_COMMIT", line("s1", "x"), List.of());
        Api.as(ops).get("/api/projects/" + projectId).then().statusCode(200).body("goldRate", equalTo(0.1f))
                .body("qualificationItems", equalTo(0));
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("goldRate", 1.5), Map.of("goldRate", -0.1),
                Map.of("qualificationItems", -1), Map.of("qualificationAccuracy", 2))) {
            Api.as(ops).body(bad).patch("/api/projects/" + projectId).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        Api.as(ops).body(Map.of("goldRate", 0.25, "qualificationItems", 5, "qualificationAccuracy", 0.9))
                .patch("/api/projects/" + projectId).then().statusCode(200).body("goldRate", equalTo(0.25f))
                .body("qualificationItems", equalTo(5)).body("qualificationAccuracy", equalTo(0.9f));
        String overview = Browser.signIn(ops).page().get("/projects/" + projectId + "/overview").then().statusCode(200)
                .extract().asString();
        assertTrue(overview.contains("1 gold item (known answers, mixed into every queue) · gold rate 25.0%"
                + " · qualification on the first 5 at 90.0%"), "the overview shows the gold settings: " + overview);
    }
}
