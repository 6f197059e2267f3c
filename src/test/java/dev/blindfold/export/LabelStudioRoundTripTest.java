package dev.blindfold.export;

import static dev.blindfold.export.ExportApiTest.rows;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Label ops' path from Label Studio and back: import a Label Studio tasks export with predictions and an
 * existing annotation, label blind in Blindfold, export, and get the structure Label Studio imports, with
 * the imported annotation tagged {@code unknown} and each Blindfold label's provenance in its meta.
 */
@QuarkusTest
class LabelStudioRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TASKS = """
            [
              {"id": 41, "data": {"text": "Summarise: the cat sat on the mat.", "source": "forum"},
               "annotations": [{"id": 7, "completed_by": 3, "created_at": "2024-05-13T10:11:12Z",
                 "result": [{"from_name": "answer", "to_name": "text", "type": "textarea", "value": {"text": ["A cat sat."]}}]}],
               "predictions": [
                 {"model_version": "frontier-2024", "result": [{"type": "textarea", "value": {"text": ["The cat sat on a mat."]}}]},
                 {"model_version": "small-1", "result": [{"type": "textarea", "value": {"text": ["Cat. Mat."]}}]}]},
              {"id": 42, "data": {"text": "Summarise: it rained all day."},
               "predictions": [
                 {"model_version": "frontier-2024", "result": [{"type": "textarea", "value": {"text": ["Rain all day."]}}]},
                 {"model_version": "small-1", "result": [{"type": "textarea", "value": {"text": ["Rainy."]}}]}]}
            ]""";

    @Test
    void importLabelBlindExportAndImportAgain() throws Exception {
        String ops = TestData.user("ops");
        long projectId = project(ops);
        Api.as(ops).contentType("application/json").body(TASKS.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + projectId + "/items?format=label-studio").then().statusCode(200)
                .body("created", equalTo(2)).body("drafts", equalTo(4)).body("labels", equalTo(1));
        String annotator = TestData.user("annotator");
        Api.as(ops).body(Map.of("username", annotator)).post("/api/projects/" + projectId + "/members").then().statusCode(201);
        for (int i = 0; i < 2; i++) {
            long aid = TestData.next(annotator, projectId);
            TestData.commit(annotator, aid, "My own summary " + i);
            Api.as(annotator).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
            TestData.keep(annotator, aid);
        }

        List<JsonNode> labels = rows(Api.as(ops).get("/api/projects/" + projectId + "/export?format=jsonl")
                .then().statusCode(200).extract().asString());
        assertEquals(3, labels.size());
        JsonNode imported = labels.stream().filter(r -> r.get("source").asText().equals("label-studio")).findFirst().orElseThrow();
        assertEquals("unknown", imported.get("exposure").asText());
        assertTrue(imported.get("blind_answer").isNull());
        assertEquals("A cat sat.", imported.get("final_answer").asText());
        assertTrue(imported.get("annotator").asText().startsWith("ext-"));
        assertEquals(2, imported.get("prior_exposure").size(), "exposed to both families with a prediction on its task");
        List<JsonNode> unanchored = rows(Api.as(ops).get("/api/projects/" + projectId
                + "/export?format=jsonl&excludeExposedTo=small-1").then().statusCode(200).extract().asString());
        assertTrue(unanchored.stream().noneMatch(r -> r.get("source").asText().equals("label-studio")));
        assertEquals(2, rows(Api.as(ops).get("/api/projects/" + projectId + "/export?format=jsonl&exposure=blind_kept")
                .then().statusCode(200).extract().asString()).size());

        String exported = Api.as(ops).get("/api/projects/" + projectId + "/export?format=label-studio").then().statusCode(200)
                .extract().asString();
        JsonNode tasks = JSON.readTree(exported);
        assertEquals(2, tasks.size());
        JsonNode first = tasks.get(0);
        assertEquals("41", first.get("id").asText());
        assertEquals("Summarise: the cat sat on the mat.", first.get("data").get("text").asText());
        assertEquals("forum", first.get("data").get("source").asText());
        List<String> exposures = new ArrayList<>();
        first.get("annotations").forEach(a -> exposures.add(a.get("meta").get("blindfold").get("exposure").asText()));
        assertEquals(List.of("blind_kept", "unknown"), exposures.stream().sorted().toList());
        for (JsonNode annotation : first.get("annotations")) {
            JsonNode region = annotation.get("result").get(0);
            assertEquals("textarea", region.get("type").asText());
            assertTrue(region.get("value").get("text").get(0).isTextual());
        }
        assertEquals(List.of("frontier-2024", "small-1"), modelVersions(first));

        long again = project(ops);
        Api.as(ops).contentType("application/json").body(exported.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + again + "/items?format=label-studio").then().log().ifValidationFails().statusCode(200)
                .body("created", equalTo(2)).body("drafts", equalTo(4)).body("labels", equalTo(3));
    }

    private static long project(String ops) {
        return Api.as(ops).body(Map.of("name", TestData.unique("ls-round-trip"), "taskType", "FREE_TEXT", "overlap", 1,
                "guidelines", "")).post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static List<String> modelVersions(JsonNode task) {
        List<String> versions = new ArrayList<>();
        task.get("predictions").forEach(p -> versions.add(p.get("model_version").asText()));
        return versions.stream().sorted().toList();
    }
}
