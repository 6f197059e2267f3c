package dev.blindfold.export;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.provenance.chain.EventChain;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** JSONL export: exposure filters, the excludeExposedTo scenario, consistent rows, and the manifest. */
@QuarkusTest
class ExportApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A project whose two items carry drafts of two named families, labeled by annotators A and B. */
    record Scenario(long projectId, String ops, String a, String b, String familyX, String familyY) {
    }

    static Scenario scenario() {
        String ops = TestData.user("ops");
        String familyX = TestData.unique("famx");
        String familyY = TestData.unique("famy");
        long projectId = Api.as(ops).body(Map.of("name", TestData.unique("export"), "taskType", "FREE_TEXT",
                "overlap", 2, "guidelines", "")).post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
        StringBuilder ndjson = new StringBuilder();
        for (int i = 1; i <= 2; i++) {
            ndjson.append("{\"externalId\":\"q").append(i).append("\",\"input\":\"Question ").append(i).append("\",\"drafts\":[")
                    .append("{\"model\":\"mx\",\"family\":\"").append(familyX).append("\",\"version\":\"1\",\"text\":\"X says ").append(i).append("\"},")
                    .append("{\"model\":\"my\",\"family\":\"").append(familyY).append("\",\"version\":\"1\",\"text\":\"Y says ").append(i).append("\"}]}\n");
        }
        Api.as(ops).contentType("application/x-ndjson").body(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + projectId + "/items").then().statusCode(200);
        String a = TestData.user("annotator");
        String b = TestData.user("annotator");
        for (String annotator : List.of(a, b)) {
            Api.as(ops).body(Map.of("username", annotator)).post("/api/projects/" + projectId + "/members").then().statusCode(201);
        }
        // A: first item revealed (sees X and Y) then kept; second item committed blind and kept without reveal.
        long first = TestData.next(a, projectId);
        TestData.commit(a, first, "A's own answer one");
        Api.as(a).get("/api/assignments/" + first + "/drafts").then().statusCode(200);
        TestData.keep(a, first);
        long second = TestData.next(a, projectId);
        TestData.commit(a, second, "A's own answer two");
        TestData.keep(a, second);
        // B never sees a draft.
        for (int i = 0; i < 2; i++) {
            long aid = TestData.next(b, projectId);
            TestData.commit(b, aid, "B's answer " + i);
            TestData.keep(b, aid);
        }
        return new Scenario(projectId, ops, a, b, familyX, familyY);
    }

    static List<JsonNode> rows(String body) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                rows.add(JSON.readTree(line));
            }
        }
        return rows;
    }

    private static Response export(Scenario s, String query) {
        Response r = Api.as(s.ops()).get("/api/projects/" + s.projectId() + "/export?format=jsonl" + query);
        r.then().statusCode(200).contentType(containsString("application/x-ndjson"));
        return r;
    }

    @Test
    void excludeExposedToDropsExactlyTheLabelsCommittedAfterSeeingThatFamily() throws Exception {
        Scenario s = scenario();
        List<JsonNode> all = rows(export(s, "").asString());
        assertEquals(4, all.size());
        List<JsonNode> kept = rows(export(s, "&excludeExposedTo=" + s.familyX()).asString());
        assertEquals(3, kept.size());
        Set<String> keptAnswers = new HashSet<>();
        kept.forEach(r -> keptAnswers.add(r.get("blind_answer").asText()));
        assertEquals(Set.of("A's own answer one", "B's answer 0", "B's answer 1"), keptAnswers,
                "only A's second label, committed after A saw family X, is dropped");
        assertEquals(3, rows(export(s, "&excludeExposedTo=" + s.familyX() + "&minExposures=1").asString()).size());
        assertEquals(4, rows(export(s, "&excludeExposedTo=" + s.familyX() + "&minExposures=2").asString()).size());
        assertEquals(4, rows(export(s, "&excludeExposedTo=no-such-family").asString()).size());
    }

    @Test
    void exposureFilterKeepsTheNamedClassesOnly() throws Exception {
        Scenario s = scenario();
        List<JsonNode> kept = rows(export(s, "&exposure=blind_kept").asString());
        assertEquals(1, kept.size());
        assertEquals("A's own answer one", kept.get(0).get("blind_answer").asText());
        assertEquals(3, rows(export(s, "&exposure=blind_only").asString()).size());
        assertEquals(4, rows(export(s, "&exposure=blind_only,blind_kept").asString()).size());
        assertEquals(2, rows(export(s, "&annotator=" + s.b()).asString()).size());
    }

    @Test
    void everyRowHasTheSameKeysAndTypesAndPseudonymousAnnotators() throws Exception {
        Scenario s = scenario();
        List<JsonNode> all = rows(export(s, "").asString());
        List<String> keys = new ArrayList<>();
        all.get(0).fieldNames().forEachRemaining(keys::add);
        Map<String, Set<String>> types = new HashMap<>();
        for (JsonNode row : all) {
            List<String> rowKeys = new ArrayList<>();
            row.fieldNames().forEachRemaining(rowKeys::add);
            assertEquals(keys, rowKeys);
            row.fields().forEachRemaining(f -> {
                if (!f.getValue().isNull()) {
                    types.computeIfAbsent(f.getKey(), k -> new HashSet<>()).add(f.getValue().getNodeType().name()
                            + (f.getValue().isNumber() ? (f.getValue().isIntegralNumber() ? ":int" : ":float") : ""));
                }
            });
            String annotator = row.get("annotator").asText();
            assertTrue(annotator.startsWith("ann-"), annotator);
            assertFalse(annotator.contains(s.a()) || annotator.contains(s.b()));
        }
        types.forEach((key, seen) -> assertEquals(1, seen.size(), key + " has types " + seen));
        JsonNode revealed = all.stream().filter(r -> r.get("exposure").asText().equals("blind_kept")).findFirst().orElseThrow();
        assertEquals(2, revealed.get("drafts").size());
        assertTrue(revealed.get("drafts").get(0).has("final_edit_similarity"));
        assertTrue(revealed.get("drafts").get(0).has("final_token_f1"));
    }

    @Test
    void theManifestCountsRowsPerClassAndHashesThePayload() throws Exception {
        Scenario s = scenario();
        Response r = export(s, "&excludeExposedTo=" + s.familyX());
        String exportId = r.header("X-Blindfold-Export-Id");
        byte[] body = r.asByteArray();
        assertTrue(new String(body, StandardCharsets.UTF_8).contains("\"export_id\":\"" + exportId + "\""));
        Api.as(s.ops()).get("/api/exports/" + exportId).then().statusCode(200)
                .body("projectId", equalTo((int) s.projectId())).body("format", equalTo("jsonl"))
                .body("filters.excludeExposedTo", equalTo(s.familyX()))
                .body("rows", equalTo(3))
                .body("labelsByExposure.blind_only", equalTo(2)).body("labelsByExposure.blind_kept", equalTo(1))
                .body("sha256", equalTo(EventChain.sha256Hex(body)));
    }

    @Test
    void csvExportHasTheJsonlColumnsFlattened() throws Exception {
        Scenario s = scenario();
        String body = Api.as(s.ops()).get("/api/projects/" + s.projectId() + "/export?format=csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.RFC4180.builder()
                .setHeader().build().parse(new java.io.StringReader(body)).getRecords();
        assertEquals(4, records.size());
        org.apache.commons.csv.CSVRecord first = records.get(0);
        assertEquals(JsonlRows.KEYS.size() - 1 + 1 + 2 * 8, first.size(),
                "all columns but drafts, prior_same_content, plus 8 per draft slot");
        for (org.apache.commons.csv.CSVRecord r : records) {
            assertTrue(r.get("exposure").matches("blind_only|blind_kept"));
        }
    }

    @Test
    void trlExportGivesPromptAndBlindCompletionPerLabel() throws Exception {
        Scenario s = scenario();
        List<JsonNode> rows = rows(Api.as(s.ops()).get("/api/projects/" + s.projectId() + "/export?format=trl&exposure=blind_kept")
                .then().statusCode(200).contentType(containsString("application/x-ndjson")).extract().asString());
        assertEquals(1, rows.size());
        List<String> keys = new ArrayList<>();
        rows.get(0).fieldNames().forEachRemaining(keys::add);
        assertEquals(Set.of("prompt", "completion", "guidelines_version", "identity_leak_shown"), Set.copyOf(keys));
        assertEquals("A's own answer one", rows.get(0).get("completion").asText());
        assertTrue(rows.get(0).get("prompt").asText().startsWith("Question "));
        TestData.Fixture categorical = TestData.project("CATEGORICAL", List.of("spam", "ham"), 1, 1, 1, "REVEAL_AFTER_COMMIT");
        Api.as(categorical.ops()).get("/api/projects/" + categorical.projectId() + "/export?format=trl").then()
                .statusCode(400).body("detail", containsString("FREE_TEXT"));
    }

    @Test
    void formulaAnswersAreNeutralisedInCsv() {
        String ops = TestData.user("ops");
        TestData.Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), aid, "=HYPERLINK(\"http://evil.example\",\"click\")");
        String body = Api.as(ops).get("/api/projects/" + f.projectId() + "/export?format=csv").then().statusCode(200)
                .extract().asString();
        assertTrue(body.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""), body);
        assertFalse(body.contains(",=HYPERLINK"), body);
    }

    @Test
    void badRequestsAreProblemsAndOnlyOpsMayExport() {
        Scenario s = scenario();
        Api.as(s.ops()).get("/api/projects/" + s.projectId() + "/export?exposure=mirror").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("mirror"));
        Api.as(s.ops()).get("/api/projects/" + s.projectId() + "/export?format=xlsx").then().statusCode(400);
        Api.as(s.ops()).get("/api/projects/" + s.projectId() + "/export?from=yesterday").then().statusCode(400);
        Api.as(s.ops()).get("/api/projects/" + s.projectId() + "/export?minExposures=0").then().statusCode(400);
        Api.as(s.ops()).get("/api/projects/987654/export").then().statusCode(404);
        Api.as(s.a()).get("/api/projects/" + s.projectId() + "/export").then().statusCode(403);
        Api.as(s.ops()).get("/api/exports/no-such-export").then().statusCode(404);
    }
}
