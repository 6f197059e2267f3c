package dev.blindfold.leaks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * A label whose reveal showed a draft that names its model says so in every per-label export
 * ({@code identity_leak_shown}); a label not revealed, or revealed with clean drafts only, says false.
 */
@QuarkusTest
class IdentityLeakExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyPerLabelExportFlagsTheLabelsWhoseRevealShowedALeakingDraft() throws Exception {
        LeakFixture p = LeakFixture.project("FREE_TEXT");
        p.importNdjson(LeakFixture.item("leak-revealed", new String[] {"za", "zfam", "v1", "I'm Claude."},
                        new String[] {"zb", "zfam", "v1", "Clean one."})
                + LeakFixture.item("leak-kept-blind", new String[] {"za", "zfam", "v1", "Grok here."},
                        new String[] {"zb", "zfam", "v1", "Clean two."})
                + LeakFixture.item("clean-revealed", new String[] {"za", "zfam", "v1", "Clean three."},
                        new String[] {"zb", "zfam", "v1", "Clean four."}));
        String annotator = p.annotator();
        for (int i = 0; i < 3; i++) {
            JsonPath next = Api.as(annotator).get("/api/projects/" + p.projectId() + "/next").then().statusCode(200)
                    .extract().jsonPath();
            long aid = next.getLong("assignmentId");
            String item = next.getString("item.externalId");
            TestData.commit(annotator, aid, "answer to " + item);
            if (!item.equals("leak-kept-blind")) {
                Api.as(annotator).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
            }
            TestData.keep(annotator, aid);
        }
        Map<String, Boolean> expected = Map.of("answer to leak-revealed", true, "answer to leak-kept-blind", false,
                "answer to clean-revealed", false);

        Map<String, Boolean> jsonl = new HashMap<>();
        for (String line : export(p, "jsonl").split("\n")) {
            JsonNode row = JSON.readTree(line);
            jsonl.put(row.get("blind_answer").asText(), row.get("identity_leak_shown").asBoolean());
        }
        assertEquals(expected, jsonl);

        Map<String, Boolean> csv = new HashMap<>();
        for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().build().parse(new StringReader(export(p, "csv")))) {
            csv.put(r.get("blind_answer"), Boolean.valueOf(r.get("identity_leak_shown")));
        }
        assertEquals(expected, csv);

        Map<String, Boolean> trl = new HashMap<>();
        for (String line : export(p, "trl").split("\n")) {
            JsonNode row = JSON.readTree(line);
            trl.put(row.get("completion").asText(), row.get("identity_leak_shown").asBoolean());
        }
        assertEquals(expected, trl);

        Map<String, Boolean> studio = new HashMap<>();
        for (JsonNode task : JSON.readTree(export(p, "label-studio"))) {
            for (JsonNode annotation : task.get("annotations")) {
                JsonNode row = annotation.get("meta").get("blindfold");
                studio.put(row.get("blind_answer").asText(), row.get("identity_leak_shown").asBoolean());
            }
        }
        assertEquals(expected, studio);
    }

    private static String export(LeakFixture p, String format) {
        return Api.as(p.ops()).get("/api/projects/" + p.projectId() + "/export?format=" + format).then().statusCode(200)
                .extract().asString();
    }
}
