package dev.blindfold.export;

import static dev.blindfold.export.ExportApiTest.rows;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.export.ExportApiTest.Scenario;
import dev.blindfold.provenance.chain.EventChain;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The per-item export formats (gold=true, openai-evals, label-studio) on {@link ExportApiTest}'s scenario:
 * two items q1, q2 with drafts of families X and Y; annotator A saw both drafts of the first item A labeled
 * and then labeled the other; B never saw a draft.
 */
@QuarkusTest
class ExportFormatsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Response export(Scenario s, String query, String mediaType) {
        Response r = Api.as(s.ops()).get("/api/projects/" + s.projectId() + "/export?" + query);
        r.then().statusCode(200).contentType(containsString(mediaType));
        return r;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new HashSet<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    @Test
    void openAiEvalsGivesOneSamplePerItemWithTheKeptBlindReferencesAsIdeal() throws Exception {
        Scenario s = scenario();
        List<JsonNode> all = rows(export(s, "format=openai-evals", "application/x-ndjson").asString());
        assertEquals(2, all.size());
        for (JsonNode sample : all) {
            assertEquals(Set.of("input", "ideal"), fieldNames(sample));
            assertEquals(1, sample.get("input").size());
            assertEquals("user", sample.get("input").get(0).get("role").asText());
            assertTrue(sample.get("input").get(0).get("content").asText().startsWith("Question "));
            assertEquals(2, sample.get("ideal").size(), "one blind reference from each annotator");
        }
        List<JsonNode> unanchored = rows(export(s, "format=openai-evals&excludeExposedTo=" + s.familyX(),
                "application/x-ndjson").asString());
        assertEquals(2, unanchored.size());
        assertEquals(3, unanchored.stream().mapToInt(r -> r.get("ideal").size()).sum(),
                "A's label committed after seeing family X is not an ideal answer any more");
        assertFalse(unanchored.stream().anyMatch(r -> texts(r.get("ideal")).contains("A's own answer two")));
    }

    @Test
    void goldTrueGivesOneRowPerItemFromTheKeptBlindAnswers() throws Exception {
        Scenario s = scenario();
        List<JsonNode> gold = rows(export(s, "format=jsonl&gold=true", "application/x-ndjson").asString());
        assertEquals(2, gold.size());
        for (JsonNode row : gold) {
            assertEquals(ItemRows.GOLD_KEYS, new ArrayList<>(fieldNamesInOrder(row)));
            assertEquals("blind", row.get("source").asText());
            assertEquals(2, row.get("labels").asInt());
            assertEquals(2, row.get("references").size());
            assertFalse(row.get("partial").asBoolean());
            assertTrue(row.get("tie").asBoolean(), "two different free-text answers tie");
        }
        List<JsonNode> unanchored = rows(export(s, "format=jsonl&gold=true&excludeExposedTo=" + s.familyX(),
                "application/x-ndjson").asString());
        JsonNode partial = unanchored.stream().filter(r -> r.get("labels").asInt() == 1).findFirst().orElseThrow();
        assertTrue(partial.get("partial").asBoolean(), "below the overlap of 2 once A's anchored label is dropped");
        assertFalse(partial.get("tie").asBoolean());
        assertTrue(partial.get("gold").asText().startsWith("B's answer"));

        String csv = export(s, "format=csv&gold=true", "text/csv").asString();
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().build().parse(new StringReader(csv)).getRecords();
        assertEquals(2, records.size());
        assertEquals(ItemRows.GOLD_KEYS, records.get(0).getParser().getHeaderNames());
        assertEquals(2, JSON.readTree(records.get(0).get("references")).size());
    }

    @Test
    void labelStudioExportHasTheTaskShapeLabelStudioImports() throws Exception {
        Scenario s = scenario();
        JsonNode tasks = JSON.readTree(export(s, "format=label-studio", "application/json").asString());
        assertTrue(tasks.isArray());
        assertEquals(2, tasks.size());
        for (JsonNode task : tasks) {
            assertTrue(task.get("id").isTextual());
            assertTrue(task.get("data").isObject());
            assertTrue(task.get("data").get("text").asText().startsWith("Question "));
            assertEquals(2, task.get("annotations").size());
            for (JsonNode annotation : task.get("annotations")) {
                assertTrue(annotation.get("result").isArray());
                JsonNode region = annotation.get("result").get(0);
                assertEquals("answer", region.get("from_name").asText());
                assertEquals("text", region.get("to_name").asText());
                assertEquals("textarea", region.get("type").asText());
                assertTrue(region.get("value").get("text").isArray());
                assertTrue(annotation.get("was_cancelled").isBoolean());
                assertTrue(annotation.get("ground_truth").isBoolean());
                assertTrue(annotation.get("created_at").isTextual());
                JsonNode provenance = annotation.get("meta").get("blindfold");
                assertTrue(provenance.get("exposure").asText().matches("blind_only|blind_kept"));
                assertEquals(region.get("value").get("text").get(0).asText(), provenance.get("blind_answer").asText());
                assertTrue(provenance.get("prior_exposure").isArray());
                assertTrue(provenance.get("annotator").asText().startsWith("ann-"));
            }
            assertEquals(2, task.get("predictions").size());
            for (JsonNode prediction : task.get("predictions")) {
                assertTrue(prediction.get("model_version").isTextual());
                assertEquals("textarea", prediction.get("result").get(0).get("type").asText());
            }
        }
    }

    @Test
    void categoricalLabelStudioResultsAreChoices() throws Exception {
        TestData.Fixture f = TestData.project("CATEGORICAL", List.of("spam", "ham"), 1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), aid, "ham");
        JsonNode tasks = JSON.readTree(Api.as(f.ops()).get("/api/projects/" + f.projectId() + "/export?format=label-studio")
                .then().statusCode(200).extract().asString());
        JsonNode region = tasks.get(0).get("annotations").get(0).get("result").get(0);
        assertEquals("choices", region.get("type").asText());
        assertEquals("ham", region.get("value").get("choices").get(0).asText());
        JsonNode evals = rows(Api.as(f.ops()).get("/api/projects/" + f.projectId() + "/export?format=openai-evals")
                .then().statusCode(200).extract().asString()).get(0);
        assertEquals(List.of("ham"), List.copyOf(texts(evals.get("ideal"))));
    }

    @Test
    void aPerItemManifestCountsItemsWrittenAndTheLabelsBehindThem() {
        Scenario s = scenario();
        Response r = export(s, "format=openai-evals&excludeExposedTo=" + s.familyX(), "application/x-ndjson");
        byte[] body = r.asByteArray();
        Api.as(s.ops()).get("/api/exports/" + r.header("X-Blindfold-Export-Id")).then().statusCode(200)
                .body("format", equalTo("openai-evals")).body("rows", equalTo(2))
                .body("labelsByExposure.blind_only", equalTo(2)).body("labelsByExposure.blind_kept", equalTo(1))
                .body("filters.gold", equalTo(false)).body("filters.source", equalTo("blind"))
                .body("sha256", equalTo(EventChain.sha256Hex(body)));
    }

    @Test
    void optionsThatMakeNoSenseTogetherAreProblems() {
        Scenario s = scenario();
        String base = "/api/projects/" + s.projectId() + "/export?";
        Api.as(s.ops()).get(base + "format=label-studio&gold=true").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("gold=true"));
        Api.as(s.ops()).get(base + "gold=maybe").then().statusCode(400).body("detail", containsString("gold"));
        Api.as(s.ops()).get(base + "gold=true&source=mirror").then().statusCode(400).body("detail", containsString("source"));
        Api.as(s.ops()).get(base + "format=label-studio&inputField=" + "f".repeat(101)).then().statusCode(400)
                .body("detail", containsString("inputField"));
        Api.as(s.ops()).get(base + "format=parquet").then().statusCode(400).body("detail", containsString("openai-evals"));
    }

    private static Scenario scenario() {
        return ExportApiTest.scenario();
    }

    private static Set<String> fieldNames(JsonNode node) {
        return new HashSet<>(fieldNamesInOrder(node));
    }

    private static List<String> fieldNamesInOrder(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
