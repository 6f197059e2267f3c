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
        labelBlindAndKeep(ops, projectId, 2);

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
        assertTrue(first.get("id").isIntegralNumber(), "an integer id came in, an integer goes out: " + first.get("id"));
        assertEquals(41, first.get("id").asInt());
        assertEquals(JSON.readTree("{\"text\": \"Summarise: the cat sat on the mat.\", \"source\": \"forum\"}"),
                first.get("data"), "data as it came in, nothing of Blindfold's added");
        List<String> exposures = new ArrayList<>();
        first.get("annotations").forEach(a -> exposures.add(a.get("meta").get("blindfold").get("exposure").asText()));
        assertEquals(List.of("blind_kept", "unknown"), exposures.stream().sorted().toList());
        for (JsonNode annotation : first.get("annotations")) {
            JsonNode region = annotation.get("result").get(0);
            assertEquals("textarea", region.get("type").asText());
            assertEquals("answer", region.get("from_name").asText());
            assertEquals("text", region.get("to_name").asText());
            assertTrue(region.get("value").get("text").get(0).isTextual());
        }
        assertEquals(List.of("frontier-2024", "small-1"), modelVersions(first));

        long again = project(ops);
        Api.as(ops).contentType("application/json").body(exported.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + again + "/items?format=label-studio").then().log().ifValidationFails().statusCode(200)
                .body("created", equalTo(2)).body("drafts", equalTo(4)).body("labels", equalTo(3));
    }

    /**
     * Label Studio files as Label Studio writes them: tasks without an id (numbered by position), a plain object that
     * is the data itself, and controls of their own names, which the export gives back; an item nobody labelled yet
     * is a task too, with its predictions only.
     */
    @Test
    void tasksWithoutIdsOrDataWrappersImportAndComeBackWithTheirControlNamesAndUnlabelledItems() throws Exception {
        String ops = TestData.user("ops");
        long projectId = project(ops);
        String tasks = """
                [
                  {"data": {"text": "Summarise: the bus was late."},
                   "predictions": [{"model_version": "m1", "result": [{"from_name": "summary", "to_name": "doc",
                     "type": "textarea", "value": {"text": ["Late bus."]}}]}]},
                  {"text": "Summarise: the train was early.", "lang": "en"},
                  {"data": {"text": "Summarise: the ferry sank."},
                   "predictions": [{"model_version": "m1", "result": [{"type": "textarea", "value": {"text": ["Sunk."]}}]}]}
                ]""";
        Api.as(ops).contentType("application/json").body(tasks.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + projectId + "/items?format=label-studio").then().statusCode(200)
                .body("created", equalTo(3)).body("drafts", equalTo(2)).body("labels", equalTo(0));
        labelBlindAndKeep(ops, projectId, 2);
        io.restassured.response.Response response = Api.as(ops).get("/api/projects/" + projectId
                + "/export?format=label-studio").then().statusCode(200).extract().response();
        JsonNode exported = JSON.readTree(response.asString());
        Map<String, JsonNode> byText = new java.util.HashMap<>();
        exported.forEach(t -> byText.put(t.get("data").get("text").asText().replaceAll("Summarise: the (\\w+).*", "$1"), t));
        assertEquals(java.util.Set.of("bus", "train", "ferry"), byText.keySet(), "every item is a task");
        assertEquals("1", byText.get("bus").get("id").asText(), "no id came in: the task's position");
        assertEquals("2", byText.get("train").get("id").asText());
        assertEquals("3", byText.get("ferry").get("id").asText());
        assertEquals(JSON.readTree("{\"text\": \"Summarise: the train was early.\", \"lang\": \"en\"}"),
                byText.get("train").get("data"));
        JsonNode busPrediction = byText.get("bus").get("predictions").get(0).get("result").get(0);
        assertEquals("summary", busPrediction.get("from_name").asText());
        assertEquals("doc", busPrediction.get("to_name").asText());
        assertEquals("answer", byText.get("ferry").get("predictions").get(0).get("result").get(0).get("from_name").asText(),
                "no control names came in: Blindfold's");
        int annotations = 0;
        int unlabelled = 0;
        for (Map.Entry<String, JsonNode> e : byText.entrySet()) {
            JsonNode list = e.getValue().get("annotations");
            assertTrue(list.isArray());
            annotations += list.size();
            unlabelled += list.isEmpty() ? 1 : 0;
            for (JsonNode a : list) {
                JsonNode region = a.get("result").get(0);
                assertEquals(e.getKey().equals("bus") ? "summary" : "answer", region.get("from_name").asText());
                assertEquals(e.getKey().equals("bus") ? "doc" : "text", region.get("to_name").asText());
            }
        }
        assertEquals(2, annotations);
        assertEquals(1, unlabelled, "the item nobody labelled has predictions only (or nothing, if it had none)");
        Api.as(ops).get("/api/exports/" + response.header("X-Blindfold-Export-Id")).then().statusCode(200)
                .body("rows", equalTo(3)).body("labelsByExposure.blind_kept", equalTo(2));
    }

    /** A new annotator joins the project and labels {@code count} items blind, sees the drafts and keeps each answer. */
    private static void labelBlindAndKeep(String ops, long projectId, int count) {
        String annotator = TestData.user("annotator");
        Api.as(ops).body(Map.of("username", annotator)).post("/api/projects/" + projectId + "/members").then().statusCode(201);
        for (int i = 0; i < count; i++) {
            long aid = TestData.next(annotator, projectId);
            TestData.commit(annotator, aid, "My own summary " + i);
            Api.as(annotator).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
            TestData.keep(annotator, aid);
        }
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
