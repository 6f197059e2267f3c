package dev.blindfold.export;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blindfold.support.Api;
import dev.blindfold.support.ReusedInput;
import dev.blindfold.support.TestData;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 items 6 and 7 in the exports: a label whose annotator had been shown drafts of the same input in another
 * project is seen_before_commit in jsonl and csv, says so in prior_exposure and is dropped by the filters that want
 * blind labels; a revealed label without a final decision is awaiting_final with no final answer.
 */
@QuarkusTest
class ContentExposureApiTest {

    private static Response export(String ops, long projectId, String query) {
        Response r = Api.as(ops).get("/api/projects/" + projectId + "/export?" + query);
        r.then().statusCode(200);
        return r;
    }

    private static JsonNode row(List<JsonNode> rows, String externalId) {
        return rows.stream().filter(r -> r.get("item_external_id").asText().equals(externalId)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + externalId + " in " + rows));
    }

    @Test
    void aLabelOfAnInputRevealedInAnotherProjectIsSeenBeforeCommitInJsonlWithItsSameContentCounts() throws Exception {
        ReusedInput r = ReusedInput.create("NEVER_REVEAL");
        List<JsonNode> rows = ExportApiTest.rows(export(r.ops(), r.second(), "format=jsonl").asString());
        JsonNode seen = row(rows, "again");
        assertEquals("seen_before_commit", seen.get("exposure").asText());
        assertEquals("blind_only", row(rows, "fresh").get("exposure").asText());
        JsonNode prior = seen.get("prior_exposure");
        assertEquals(2, prior.size());
        assertEquals(r.familyX(), prior.get(0).get("family").asText());
        assertEquals(1, prior.get(0).get("count").asInt());
        assertEquals(1, prior.get(0).get("same_content").asInt(), "the draft of this input shown in the other project");
        assertEquals(1, prior.get(1).get("same_content").asInt());
        row(rows, "fresh").get("prior_exposure").forEach(p -> assertEquals(0, p.get("same_content").asInt()));

        List<JsonNode> blind = ExportApiTest.rows(export(r.ops(), r.second(), "format=jsonl&exposure=blind_only,blind_kept").asString());
        assertEquals(List.of("fresh"), blind.stream().map(b -> b.get("item_external_id").asText()).toList());
        List<JsonNode> unexposed = ExportApiTest.rows(export(r.ops(), r.second(),
                "format=jsonl&excludeExposedTo=" + r.familyX() + "&minExposures=5").asString());
        assertEquals(List.of("fresh"), unexposed.stream().map(b -> b.get("item_external_id").asText()).toList(),
                "a draft of the same content is exposure whatever minExposures says");
        assertEquals(0, ExportApiTest.rows(export(r.ops(), r.second(), "format=jsonl&excludeExposedTo=" + r.familyY())
                .asString()).size(), "across projects, at the default threshold, both labels came after seeing family Y");

        Response withManifest = export(r.ops(), r.second(), "format=jsonl");
        Api.as(r.ops()).get("/api/exports/" + withManifest.header("X-Blindfold-Export-Id")).then().statusCode(200)
                .body("labelsByExposure.seen_before_commit", equalTo(1)).body("labelsByExposure.blind_only", equalTo(1));
    }

    @Test
    void theCsvExportSaysSeenBeforeCommitAndNamesTheSameContentPerFamily() throws Exception {
        ReusedInput r = ReusedInput.create("REVEAL_AFTER_COMMIT");
        String body = export(r.ops(), r.second(), "format=csv").asString();
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().build().parse(new StringReader(body)).getRecords();
        CSVRecord seen = records.stream().filter(c -> c.get("item_external_id").equals("again")).findFirst().orElseThrow();
        assertEquals("seen_before_commit", seen.get("exposure"));
        assertEquals(r.familyX() + "=1;" + r.familyY() + "=1", seen.get("prior_exposure"));
        assertEquals(r.familyX() + "=1;" + r.familyY() + "=1", seen.get("prior_same_content"));
        CSVRecord fresh = records.stream().filter(c -> c.get("item_external_id").equals("fresh")).findFirst().orElseThrow();
        assertEquals("blind_only", fresh.get("exposure"));
        assertEquals("", fresh.get("prior_same_content"));
    }

    @Test
    void aSeenLabelGivesNoBlindVoteToGoldAndNoBlindCompletionToTrl() throws Exception {
        ReusedInput r = ReusedInput.create("NEVER_REVEAL");
        List<JsonNode> gold = ExportApiTest.rows(export(r.ops(), r.second(), "format=jsonl&gold=true").asString());
        assertEquals(List.of("fresh"), gold.stream().map(g -> g.get("item_external_id").asText()).toList(),
                "the reused item has no blind answer to vote with");
        List<JsonNode> finals = ExportApiTest.rows(export(r.ops(), r.second(), "format=jsonl&gold=true&source=final").asString());
        assertEquals(2, finals.size(), "its final answer (KEEP) still votes with source=final");
        List<JsonNode> trl = ExportApiTest.rows(export(r.ops(), r.second(), "format=trl").asString());
        String fresh = row(ExportApiTest.rows(export(r.ops(), r.second(), "format=jsonl").asString()), "fresh")
                .get("blind_answer").asText();
        assertEquals(List.of(fresh), trl.stream().map(t -> t.get("completion").asText()).toList(),
                "no completion from the label that was not written blind");
    }

    @Test
    void aRevealedLabelWithoutAFinalDecisionIsAwaitingFinalWithNoFinalAnswerInJsonlAndCsv() throws Exception {
        TestData.Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), aid, "My blind answer");
        Api.as(f.annotator()).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);

        JsonNode row = ExportApiTest.rows(export(f.ops(), f.projectId(), "format=jsonl").asString()).get(0);
        assertEquals("awaiting_final", row.get("exposure").asText());
        assertEquals("My blind answer", row.get("blind_answer").asText());
        assertTrue(row.get("final_answer").isNull(), "never kept: there is no final answer yet");
        assertTrue(row.get("final_decision").isNull());
        assertTrue(row.get("blind_final_edit_similarity").isNull());
        assertTrue(row.get("drafts").get(0).get("final_edit_similarity").isNull());
        assertEquals(0, ExportApiTest.rows(export(f.ops(), f.projectId(), "format=jsonl&exposure=blind_kept").asString()).size());

        String csv = export(f.ops(), f.projectId(), "format=csv").asString();
        CSVRecord c = CSVFormat.RFC4180.builder().setHeader().build().parse(new StringReader(csv)).getRecords().get(0);
        assertEquals("awaiting_final", c.get("exposure"));
        assertEquals("", c.get("final_answer"));

        JsonNode gold = ExportApiTest.rows(export(f.ops(), f.projectId(), "format=jsonl&gold=true").asString()).get(0);
        assertEquals("My blind answer", gold.get("references").get(0).asText(), "its blind answer is a blind answer");
        assertEquals(0, ExportApiTest.rows(export(f.ops(), f.projectId(), "format=jsonl&gold=true&source=final").asString())
                .size(), "and it has no final answer to vote with");
    }

    @Test
    void anUnknownExposureNamesEveryClassInTheProblem() {
        TestData.Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        Api.as(f.ops()).get("/api/projects/" + f.projectId() + "/export?format=jsonl&exposure=blind").then().statusCode(400)
                .body("detail", containsString("awaiting_final")).body("detail", containsString("seen_before_commit"));
    }
}
