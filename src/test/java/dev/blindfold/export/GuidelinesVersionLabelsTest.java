package dev.blindfold.export;

import static dev.blindfold.export.ExportApiTest.rows;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * A label says which guidelines it was written under: labels committed before and after an edit of the guidelines
 * carry version 1 and 2 in their events (ITEM_SHOWN, BLIND_COMMITTED), in every per-label export format and in Label
 * Studio's annotations, on the audit pages, and the read models still agree with the log.
 */
@QuarkusTest
class GuidelinesVersionLabelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A project with two labels: {@code before} written under version 1, {@code after} under version 2. */
    private record TwoVersions(Fixture f, long before, long after) {
    }

    private static TwoVersions labelBeforeAndAfterAnEdit() {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        long before = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), before, "written under the first guidelines");
        TestData.keep(f.annotator(), before);
        Api.as(f.ops()).body(Map.of("guidelines", "Answer in one sentence.")).patch("/api/projects/" + f.projectId())
                .then().statusCode(200).body("guidelinesVersion", equalTo(2));
        long after = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), after, "written under the second guidelines");
        TestData.keep(f.annotator(), after);
        return new TwoVersions(f, before, after);
    }

    private static int versionIn(String auditor, long aid, String type) {
        JsonPath events = Api.as(auditor).get("/api/assignments/" + aid + "/events").then().statusCode(200)
                .extract().jsonPath();
        return events.getInt("find { it.type == '" + type + "' }.data.guidelinesVersion");
    }

    @Test
    void eventsCarryTheVersionInForceWhenShownAndCommitted() {
        TwoVersions t = labelBeforeAndAfterAnEdit();
        String auditor = t.f().auditor();
        assertEquals(1, versionIn(auditor, t.before(), "ITEM_SHOWN"));
        assertEquals(1, versionIn(auditor, t.before(), "BLIND_COMMITTED"));
        assertEquals(2, versionIn(auditor, t.after(), "ITEM_SHOWN"));
        assertEquals(2, versionIn(auditor, t.after(), "BLIND_COMMITTED"));
    }

    @Test
    void anItemShownUnderOneVersionAndCommittedUnderTheNextSaysBoth() throws Exception {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        Api.as(f.ops()).body(Map.of("guidelines", "Changed while the item was open.")).patch("/api/projects/"
                + f.projectId()).then().statusCode(200);
        TestData.commit(f.annotator(), aid, "mine");
        assertEquals(1, versionIn(f.auditor(), aid, "ITEM_SHOWN"));
        assertEquals(2, versionIn(f.auditor(), aid, "BLIND_COMMITTED"));
        List<JsonNode> rows = rows(export(f.ops(), f.projectId(), "jsonl"));
        assertEquals(2, rows.get(0).get("guidelines_version").asInt(), "a label is written under the version at commit");
    }

    @Test
    void everyPerLabelExportNamesEachLabelsVersion() throws Exception {
        TwoVersions t = labelBeforeAndAfterAnEdit();
        String ops = t.f().ops();
        long projectId = t.f().projectId();
        Map<Long, Integer> jsonl = new HashMap<>();
        for (JsonNode row : rows(export(ops, projectId, "jsonl"))) {
            assertTrue(row.get("guidelines_version").isInt(), row.toString());
            jsonl.put(row.get("assignment_id").asLong(), row.get("guidelines_version").asInt());
        }
        assertEquals(Map.of(t.before(), 1, t.after(), 2), jsonl);

        Map<Long, String> csv = new HashMap<>();
        for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().build()
                .parse(new StringReader(export(ops, projectId, "csv"))).getRecords()) {
            csv.put(Long.parseLong(r.get("assignment_id")), r.get("guidelines_version"));
        }
        assertEquals(Map.of(t.before(), "1", t.after(), "2"), csv);

        Map<String, Integer> trl = new HashMap<>();
        rows(export(ops, projectId, "trl")).forEach(r -> trl.put(r.get("completion").asText(),
                r.get("guidelines_version").asInt()));
        assertEquals(Map.of("written under the first guidelines", 1, "written under the second guidelines", 2), trl);

        Map<String, Integer> studio = new HashMap<>();
        for (JsonNode task : JSON.readTree(export(ops, projectId, "label-studio"))) {
            for (JsonNode annotation : task.get("annotations")) {
                JsonNode blindfold = annotation.get("meta").get("blindfold");
                studio.put(blindfold.get("blind_answer").asText(), blindfold.get("guidelines_version").asInt());
            }
        }
        assertEquals(Map.of("written under the first guidelines", 1, "written under the second guidelines", 2), studio);
    }

    @Test
    void readModelsStillAgreeWithTheLogAfterAnEdit() {
        TwoVersions t = labelBeforeAndAfterAnEdit();
        Api.as(t.f().auditor()).get("/api/projects/" + t.f().projectId() + "/audit/verify?readModels=true").then()
                .statusCode(200).body("ok", equalTo(true)).body("readModels.agree", equalTo(true))
                .body("readModels.labels", equalTo(2));
    }

    @Test
    void theAuditorSeesTheVersionOfEachLabel() {
        TwoVersions t = labelBeforeAndAfterAnEdit();
        String auditor = t.f().auditor();
        String labels = Api.as(auditor).accept("text/html").get("/projects/" + t.f().projectId() + "/audit/labels")
                .then().statusCode(200).extract().asString();
        assertTrue(labels.contains("Guidelines v1") && labels.contains("Guidelines v2"), labels);
        Api.as(auditor).get("/api/assignments/" + t.after() + "/timeline").then().statusCode(200)
                .body("guidelinesVersion", equalTo(2));
        String timeline = Api.as(auditor).accept("text/html").get("/audit/assignments/" + t.before()).then()
                .statusCode(200).extract().asString();
        assertTrue(timeline.contains("<td id=\"guidelines-version\">version 1</td>"), timeline);
        assertTrue(timeline.contains("guidelines:</span> <span class=\"pre\">version 1</span>"), timeline);
    }

    private static String export(String ops, long projectId, String format) {
        return Api.as(ops).get("/api/projects/" + projectId + "/export?format=" + format).then().statusCode(200)
                .extract().asString();
    }
}
