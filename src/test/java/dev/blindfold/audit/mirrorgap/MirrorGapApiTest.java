package dev.blindfold.audit.mirrorgap;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The mirror gap on synthetic projects where annotators answer blind, see the drafts, then copy family X's
 * draft: X's gap must come out positive, Y's (whose drafts neither the blind answers nor X favour) near zero.
 */
@QuarkusTest
class MirrorGapApiTest {

    private static final double EPS = 1e-9;

    /** A project with families X and Y drafting every item, and three annotators (overlap 3). */
    private record Synthetic(long projectId, String ops, String auditor, List<String> annotators, String x, String y,
                             Map<String, String> xText) {
    }

    private static Synthetic project(String taskType, List<String> labels, Map<String, String[]> drafts) {
        String ops = TestData.user("ops");
        String auditor = TestData.user("auditor");
        String tag = TestData.unique("f");
        String x = "fx-" + tag;
        String y = "@fy-" + tag;
        Map<String, Object> spec = new HashMap<>(Map.of("name", TestData.unique("mirror"), "taskType", taskType,
                "overlap", 3, "revealPolicy", "REVEAL_AFTER_COMMIT", "guidelines", "Answer well."));
        if (labels != null) {
            spec.put("labels", labels);
        }
        long projectId = Api.as(ops).body(spec).post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
        StringBuilder ndjson = new StringBuilder();
        Map<String, String> xText = new HashMap<>();
        drafts.forEach((item, texts) -> {
            xText.put(item, texts[0]);
            ndjson.append(String.format("{\"externalId\":\"%s\",\"input\":\"Question %s\",\"drafts\":["
                    + "{\"model\":\"mx\",\"family\":\"%s\",\"version\":\"1\",\"text\":\"%s\"},"
                    + "{\"model\":\"my\",\"family\":\"%s\",\"version\":\"1\",\"text\":\"%s\"}]}\n",
                    item, item, x, texts[0], y, texts[1]));
        });
        Api.as(ops).contentType("application/x-ndjson").body(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + projectId + "/items").then().statusCode(200);
        List<String> annotators = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String annotator = TestData.user("annotator");
            Api.as(ops).body(Map.of("username", annotator)).post("/api/projects/" + projectId + "/members")
                    .then().statusCode(anyOf(is(200), is(201)));
            annotators.add(annotator);
        }
        return new Synthetic(projectId, ops, auditor, annotators, x, y, xText);
    }

    /**
     * Every annotator labels every item: a blind answer from {@code blind}, a reveal, then annotator 0 accepts
     * X's draft (its slot found by its text), annotator 1 revises to X's text and annotator 2 keeps the blind
     * answer. The item {@code skip} is skipped by all.
     */
    private static void label(Synthetic s, Map<String, List<String>> blind, String skip) {
        for (int k = 0; k < 3; k++) {
            String annotator = s.annotators().get(k);
            while (true) {
                io.restassured.response.Response response = Api.as(annotator).get("/api/projects/" + s.projectId() + "/next");
                if (response.statusCode() == 204) {
                    break;
                }
                JsonPath next = response.then().statusCode(200).extract().jsonPath();
                long aid = next.getLong("assignmentId");
                String item = next.getString("item.externalId");
                if (item.equals(skip)) {
                    Api.as(annotator).body(Map.of("reason", "unclear")).post("/api/assignments/" + aid + "/skip")
                            .then().statusCode(200);
                    continue;
                }
                TestData.commit(annotator, aid, blind.get(item).get(k));
                List<Map<String, String>> shown = Api.as(annotator).get("/api/assignments/" + aid + "/drafts").then()
                        .statusCode(200).extract().jsonPath().getList("");
                String xSlot = shown.stream().filter(d -> d.get("text").equals(s.xText().get(item)))
                        .findFirst().orElseThrow().get("slot");
                Map<String, Object> decision = switch (k) {
                    case 0 -> Map.of("decision", "ACCEPT", "acceptedSlot", xSlot);
                    case 1 -> Map.of("decision", "REVISE", "answer", s.xText().get(item));
                    default -> Map.of("decision", "KEEP");
                };
                Api.as(annotator).body(decision).post("/api/assignments/" + aid + "/final").then().statusCode(200);
            }
        }
    }

    private static JsonPath mirrorGap(Synthetic s) {
        return Api.as(s.auditor()).get("/api/projects/" + s.projectId() + "/audit/mirror-gap").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void copyingFamilyXAfterTheRevealGivesXAPositiveGapAndYNone() {
        // Blind answers share "shared common" with Y's drafts (so Y scores the same against every blind answer)
        // and "shared" with X's; their length varies by item, so X's blind score, and its interval, vary.
        Map<String, String[]> drafts = new java.util.LinkedHashMap<>();
        Map<String, List<String>> blind = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            String item = "q" + i;
            drafts.put(item, new String[] {"x" + i + "p x" + i + "q x" + i + "r x" + i + "s shared",
                    "y" + i + "p y" + i + "q y" + i + "r y" + i + "s shared common"});
            List<String> answers = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                StringBuilder answer = new StringBuilder();
                for (int w = 0; w < 4 + i % 3; w++) {
                    answer.append("b").append(k).append(i).append("w").append(w).append(' ');
                }
                answers.add(answer.append("shared common").toString());
            }
            blind.put(item, answers);
        }
        drafts.put("left-out", new String[] {"xl shared", "yl shared common"});
        Synthetic s = project("FREE_TEXT", null, drafts);
        label(s, blind, "left-out");

        JsonPath rows = mirrorGap(s);
        assertEquals(List.of(s.x(), s.y()).stream().sorted().toList(), rows.getList("family", String.class));
        Map<String, Object> x = row(rows, s.x());
        Map<String, Object> y = row(rows, s.y());
        assertEquals(6, x.get("items"));
        assertEquals(6, x.get("drafts"));
        assertEquals(1, x.get("skippedItems"));
        assertEquals(1.0, num(x, "finalScore"), EPS, "final gold holds X's text itself");
        assertTrue(num(x, "gap") > 0.5, "X is graded by its mirror: " + x);
        assertTrue(num(x, "ciLow") > 0, "the whole interval is above zero: " + x);
        assertTrue(num(x, "ciLow") <= num(x, "gap") && num(x, "gap") <= num(x, "ciHigh"), x.toString());
        assertTrue(num(x, "ciHigh") > num(x, "ciLow"), "items differ, so the interval has width: " + x);
        assertTrue(num(y, "blindScore") > 0.2, "Y resembles the blind answers: " + y);
        assertEquals(0.0, num(y, "gap"), 0.05, "Y gains nothing: " + y);
        assertTrue(num(y, "ciLow") <= 0 && 0 <= num(y, "ciHigh"), "Y's interval contains 0: " + y);
        assertEquals(rows.getList(""), mirrorGap(s).getList(""), "the bootstrap is seeded: same answer twice");

        String csv = Api.as(s.auditor()).get("/api/projects/" + s.projectId() + "/audit/mirror-gap?format=csv").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("family,items,drafts,blindScore,finalScore,gap,ciLow,ciHigh,skippedItems", lines[0]);
        assertTrue(csv.contains("'" + s.y() + ",6,6,"), "a family starting with @ is neutralised: " + csv);
        assertTrue(csv.contains(s.x() + ",6,6,"), csv);
    }

    @Test
    void aCategoricalProjectScoresDraftsByExactMatchWithTheGoldLabel() {
        Map<String, String[]> drafts = new java.util.LinkedHashMap<>();
        Map<String, List<String>> blind = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            drafts.put("c" + i, new String[] {"alpha", "charlie"});
            blind.put("c" + i, List.of("bravo", "bravo", "charlie"));
        }
        Synthetic s = project("CATEGORICAL", List.of("alpha", "bravo", "charlie"), drafts);
        label(s, blind, null);
        JsonPath rows = mirrorGap(s);
        Map<String, Object> x = row(rows, s.x());
        Map<String, Object> y = row(rows, s.y());
        assertEquals(0.0, num(x, "blindScore"), EPS);
        assertEquals(1.0, num(x, "finalScore"), EPS);
        assertEquals(1.0, num(x, "ciLow"), EPS);
        assertEquals(0.0, num(y, "gap"), EPS);
        assertEquals(3, y.get("items"));
    }

    @Test
    void onlyAuditorsAndAdminsReadTheMirrorGap() {
        Synthetic s = project("FREE_TEXT", null, Map.of("only", new String[] {"x text", "y text"}));
        for (String who : List.of(s.ops(), s.annotators().get(0))) {
            Api.as(who).get("/api/projects/" + s.projectId() + "/audit/mirror-gap").then().statusCode(403)
                    .contentType(containsString("application/problem+json"));
        }
        JsonPath rows = Api.as(Api.ADMIN).get("/api/projects/" + s.projectId() + "/audit/mirror-gap").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(0, 0), rows.getList("items", Integer.class), "nothing labeled, nothing scored");
        assertEquals(List.of(1, 1), rows.getList("skippedItems", Integer.class));
        Api.as(s.auditor()).get("/api/projects/987654321/audit/mirror-gap").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        Api.as(s.auditor()).get("/api/projects/" + s.projectId() + "/audit/mirror-gap?format=xml").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
    }

    private static Map<String, Object> row(JsonPath rows, String family) {
        return rows.getList("", Map.class).stream().filter(r -> family.equals(r.get("family"))).findFirst()
                .map(r -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = r;
                    return m;
                }).orElseThrow();
    }

    private static double num(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).doubleValue();
    }
}
