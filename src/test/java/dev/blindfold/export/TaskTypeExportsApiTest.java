package dev.blindfold.export;

import static dev.blindfold.export.ExportApiTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the PAIRWISE and DRAFT_RATING labels become in exports: TRL preference pairs, preferred slots, ratings. */
@QuarkusTest
class TaskTypeExportsApiTest {

    @Test
    void pairwisePreferencesExportAsTrlPairsAndTiesGiveNone() throws Exception {
        Fixture f = TestData.project("PAIRWISE", null, 2, 1, 1, "REVEAL_AFTER_COMMIT");
        String me = f.annotator();
        long first = TestData.next(me, f.projectId());
        TestData.commit(me, first, "My own reply one");
        Map<String, String> shown = revealed(me, first);
        Api.as(me).body(Map.of("decision", "PREFER", "preferredSlot", "B")).post("/api/assignments/" + first + "/final")
                .then().statusCode(200);
        long second = TestData.next(me, f.projectId());
        TestData.commit(me, second, "My own reply two");
        revealed(me, second);
        Api.as(me).body(Map.of("decision", "TIE")).post("/api/assignments/" + second + "/final").then().statusCode(200);

        List<JsonNode> pairs = rows(Api.as(f.ops()).get("/api/projects/" + f.projectId() + "/export?format=trl")
                .then().statusCode(200).extract().asString());
        assertEquals(1, pairs.size(), "the tie gives no pair");
        JsonNode pair = pairs.get(0);
        assertEquals(List.of("prompt", "chosen", "rejected", "guidelines_version", "identity_leak_shown"), fieldNames(pair));
        assertEquals(1, pair.get("guidelines_version").asInt(), "written under the project's first guidelines");
        assertEquals(shown.get("B"), pair.get("chosen").asText());
        assertEquals(shown.get("A"), pair.get("rejected").asText());

        List<JsonNode> labels = rows(Api.as(f.ops()).get("/api/projects/" + f.projectId() + "/export?format=jsonl")
                .then().statusCode(200).extract().asString());
        Map<String, String> preferred = new HashMap<>();
        labels.forEach(r -> preferred.put(r.get("final_decision").asText(), r.get("preferred_slot").isNull() ? null
                : r.get("preferred_slot").asText()));
        assertEquals("B", preferred.get("PREFER"));
        assertTrue(preferred.containsKey("TIE") && preferred.get("TIE") == null);
    }

    @Test
    void draftRatingsExportWithEachShownDraft() throws Exception {
        Fixture f = TestData.project("DRAFT_RATING", null, 1, 1, 1, "REVEAL_AFTER_COMMIT");
        String me = f.annotator();
        long aid = TestData.next(me, f.projectId());
        TestData.commit(me, aid, "My own reply");
        revealed(me, aid);
        Api.as(me).body(Map.of("decision", "RATE", "ratings", Map.of("A", 4, "B", 2)))
                .post("/api/assignments/" + aid + "/final").then().statusCode(200);
        JsonNode row = rows(Api.as(f.ops()).get("/api/projects/" + f.projectId() + "/export?format=jsonl")
                .then().statusCode(200).extract().asString()).get(0);
        Map<String, Integer> ratings = new HashMap<>();
        row.get("drafts").forEach(d -> ratings.put(d.get("slot").asText(), d.get("rating").asInt()));
        assertEquals(Map.of("A", 4, "B", 2), ratings);
        assertEquals("blind_kept", row.get("exposure").asText());
        String csv = Api.as(f.ops()).get("/api/projects/" + f.projectId() + "/export?format=csv").then().statusCode(200)
                .extract().asString();
        assertTrue(csv.lines().findFirst().orElseThrow().contains("draft_A_rating"), csv);
    }

    private static Map<String, String> revealed(String annotator, long aid) {
        List<Map<String, String>> drafts = JsonPath.from(Api.as(annotator).get("/api/assignments/" + aid + "/drafts")
                .then().statusCode(200).extract().asString()).getList("$");
        Map<String, String> bySlot = new HashMap<>();
        drafts.forEach(d -> bySlot.put(d.get("slot"), d.get("text")));
        return bySlot;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
