package dev.blindfold.audit.anchoring;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.facts.FactCheck;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 2: a blind answer given faster than its item can be read, plus the project's minimum, is flagged
 * {@code fast_blind} with its figures (never refused); the configured {@code blindfold.audit.min-blind-ms} stays the
 * floor; a project's minimum, set or derived from its guidelines, judges the labels committed after it is set.
 */
@QuarkusTest
class AttentionCheckApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 600 characters: 4.0 s to read at 150 characters a second. */
    private static final String LONG_INPUT = "Please read this whole ticket before you answer. ".repeat(13).substring(0, 600);

    @Inject
    FactCheck facts;

    private static long project(String ops, String input, Long minBlindMs, List<String> annotators) {
        Map<String, Object> spec = new HashMap<>(Map.of("name", TestData.unique("attention"), "taskType", "FREE_TEXT",
                "overlap", 2, "revealPolicy", "REVEAL_AFTER_COMMIT", "guidelines", "Answer well."));
        if (minBlindMs != null) {
            spec.put("minBlindMs", minBlindMs);
        }
        long id = Api.as(ops).body(spec).post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
        String item = "{\"externalId\":\"" + TestData.unique("it") + "\",\"input\":\"" + input + "\",\"drafts\":["
                + "{\"model\":\"zm\",\"family\":\"zf\",\"version\":\"1\",\"text\":\"A draft.\"}]}\n";
        Api.as(ops).contentType("application/x-ndjson").body(item.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/projects/" + id + "/items")
                .then().statusCode(200);
        for (String a : annotators) {
            Api.as(ops).body(Map.of("username", a)).post("/api/projects/" + id + "/members").then().statusCode(201);
        }
        return id;
    }

    private static Map<Long, String> fastBlind(String auditor, long projectId) {
        Map<Long, String> found = new HashMap<>();
        for (Map<String, Object> f : Api.as(auditor).get("/api/projects/" + projectId + "/audit/flags").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("$")) {
            if ("fast_blind".equals(f.get("kind"))) {
                found.put(((Number) f.get("assignmentId")).longValue(), (String) f.get("detail"));
            }
        }
        return found;
    }

    @Test
    void aBlindAnswerFasterThanReadingTheItemIsFlaggedWithItsFiguresAndANewMinimumJudgesOnlyNewLabels() throws Exception {
        String ops = TestData.user("ops");
        String auditor = TestData.user("auditor");
        String first = TestData.user("annotator");
        String second = TestData.user("annotator");
        long projectId = project(ops, LONG_INPUT, null, List.of(first, second));
        JsonPath view = Api.as(ops).get("/api/projects/" + projectId).then().statusCode(200).extract().jsonPath();
        assertEquals(1_012, view.getInt("minBlindMs"), "derived: 1 s plus 1 s per 1,000 characters of guidelines");
        assertEquals(false, view.getBoolean("minBlindMsSet"));

        long early = TestData.next(first, projectId);
        TestData.commit(first, early, "Answered at a glance.");
        JsonNode commit = null;
        for (JsonNode e : JSON.readTree(Api.as(ops).get("/api/assignments/" + early + "/events").then().statusCode(200)
                .extract().asString())) {
            if ("BLIND_COMMITTED".equals(e.get("type").asText())) {
                commit = e.get("data");
            }
        }
        assertEquals(4_000, commit.get("readingMs").asInt(), "the commit logs what it was held to");
        assertEquals(1_012, commit.get("decisionMs").asInt());
        String before = fastBlind(auditor, projectId).get(early);
        assertTrue(before.matches("\\d+\\.\\d s blind, 5\\.0 s needed \\(4\\.0 s to read the item \\+ 1\\.0 s project"
                + " minimum\\)"), before);

        view = Api.as(ops).body(Map.of("minBlindMs", 20_000)).patch("/api/projects/" + projectId).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(20_000, view.getInt("minBlindMs"));
        assertEquals(true, view.getBoolean("minBlindMsSet"));
        long late = TestData.next(second, projectId);
        TestData.commit(second, late, "Also quick.");
        Map<Long, String> flags = fastBlind(auditor, projectId);
        assertEquals(before, flags.get(early), "a label keeps the figures it was committed under");
        assertTrue(flags.get(late).endsWith(", 24.0 s needed (4.0 s to read the item + 20.0 s project minimum)"),
                flags.get(late));

        Api.as(auditor).accept("text/html").get("/projects/" + projectId + "/audit").then().statusCode(200)
                .body(containsString("24.0 s needed (4.0 s to read the item + 20.0 s project minimum)"));
        Api.as(ops).accept("text/html").get("/projects/" + projectId + "/overview").then().statusCode(200)
                .body(containsString("<strong id=\"min-blind-seconds\">20.0 s</strong>"))
                .body(containsString("(set by label ops)"));
        FactCheck.Outcome outcome = QuarkusTransaction.requiringNew().call(() -> facts.check(projectId));
        assertTrue(outcome.agree(), "kept facts equal the log's: " + outcome.differences());
    }

    @Test
    void aShortItemAnsweredAfterTheFloorIsNotFlaggedAndOneAnsweredBeforeItIs() throws Exception {
        String ops = TestData.user("ops");
        String auditor = TestData.user("auditor");
        String slow = TestData.user("annotator");
        String quick = TestData.user("annotator");
        long projectId = project(ops, "Short one.", 0L, List.of(slow, quick));
        long patient = TestData.next(slow, projectId);
        long hasty = TestData.next(quick, projectId);
        TestData.commit(quick, hasty, "Fast.");
        Thread.sleep(3_200);
        TestData.commit(slow, patient, "Took my time.");
        Map<Long, String> flags = fastBlind(auditor, projectId);
        assertTrue(!flags.containsKey(patient), "3.2 s is more than the 3 s floor and the item's 0.1 s: " + flags);
        assertTrue(flags.get(hasty).endsWith(", 3.0 s needed (the configured floor)"), flags.get(hasty));
    }
}
