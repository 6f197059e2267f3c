package dev.blindfold.demo;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.audit.bundle.BundleManifest;
import dev.blindfold.audit.bundle.BundleVerification;
import dev.blindfold.audit.bundle.BundleVerifier;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 6 as the issue tells it, on the demo's own data: the support-reply items are imported into a
 * FREE_TEXT project and a PAIRWISE one, as the demo does. An annotator reveals the drafts of sup-011 in the first, then
 * labels sup-011 in the second. Every output that names the second label's exposure says seen_before_commit: the
 * jsonl and csv exports, the audit bundle (and the offline verifier accepts it from the bundle alone), the label's
 * timeline and the project's audit report.
 */
@QuarkusTest
class DemoReusedItemsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ITEM = "sup-011";

    @TempDir
    Path dir;

    @Test
    void anItemRevealedInOneDemoProjectIsSeenBeforeCommitInEveryOutputOfTheNext() throws Exception {
        String ops = TestData.user("ops");
        String auditor = TestData.user("auditor");
        String ana = TestData.user("annotator");
        String items = demoItems();
        long support = TestData.project(ops, "FREE_TEXT", null, 2, "REVEAL_AFTER_COMMIT", items, List.of(ana));
        long preference = TestData.project(ops, "PAIRWISE", null, 2, "REVEAL_AFTER_COMMIT", items, List.of(ana));

        long first = skipTo(ana, support);
        TestData.commit(ana, first, "Check spam, then resend it from the sign-in page.");
        Api.as(ana).get("/api/assignments/" + first + "/drafts").then().statusCode(200);
        TestData.keep(ana, first);
        long second = skipTo(ana, preference);
        TestData.commit(ana, second, "Look in your spam folder; I have sent it again.");
        Api.as(ana).get("/api/assignments/" + second + "/drafts").then().statusCode(200);
        Api.as(ana).body(Map.of("decision", "PREFER", "preferredSlot", "A"))
                .post("/api/assignments/" + second + "/final").then().statusCode(200);

        JsonNode row = only(rows(Api.as(ops).get("/api/projects/" + preference + "/export?format=jsonl").then()
                .statusCode(200).extract().asString()));
        assertEquals(ITEM, row.get("item_external_id").asText());
        assertEquals("seen_before_commit", row.get("exposure").asText(), "jsonl");
        for (JsonNode prior : row.get("prior_exposure")) {
            assertEquals(1, prior.get("same_content").asInt(), "the draft of " + prior.get("family") + " seen in the first project");
        }
        assertEquals("blind_kept", only(rows(Api.as(ops).get("/api/projects/" + support + "/export?format=jsonl").then()
                .statusCode(200).extract().asString())).get("exposure").asText(), "the first label was written blind");

        String csv = Api.as(ops).get("/api/projects/" + preference + "/export?format=csv").then().statusCode(200)
                .extract().asString();
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().build().parse(new StringReader(csv)).getRecords();
        assertEquals(1, records.size());
        assertEquals("seen_before_commit", records.get(0).get("exposure"), "csv");
        assertEquals("llama=1;mistral=1", records.get(0).get("prior_same_content"));

        byte[] zip = Api.as(auditor).get("/api/projects/" + preference + "/audit/bundle").then().statusCode(200)
                .extract().asByteArray();
        Path bundle = Files.write(dir.resolve("bundle.zip"), zip);
        BundleVerification verified = new BundleVerifier(null).verify(bundle);
        assertTrue(verified.ok(), "the offline verifier recomputes the tag from the bundle alone: " + verified.findings());
        assertEquals(1, verified.labels());
        Map<String, String> files = unzip(zip);
        assertEquals("seen_before_commit", only(rows(files.get(BundleManifest.LABELS))).get("exposure").asText(), "bundle");
        JsonNode evidence = only(rows(files.get(BundleManifest.EVIDENCE)));
        assertEquals(first, evidence.get("event").get("assignmentId").asLong(), "the reveal in the first project");

        JsonPath timeline = Api.as(auditor).get("/api/assignments/" + second + "/timeline").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("seen_before_commit", timeline.getString("exposure"), "timeline");
        assertEquals(first, timeline.getLong("seenBefore.assignmentId"));
        assertEquals(Map.of("llama", 1, "mistral", 1), timeline.getMap("sameContent"));
        assertTrue(timeline.getList("flags", String.class).contains("seen_before_commit"));
        Api.as(auditor).accept("text/html").get("/audit/assignments/" + second).then().statusCode(200)
                .body(containsString("Not written blind")).body(containsString("href=\"/audit/assignments/" + first + "\""));

        JsonPath report = Api.as(auditor).get("/api/projects/" + preference + "/audit/report").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, report.getInt("exposure.seen_before_commit"), "report");
        assertEquals(0, report.getInt("exposure.blind_kept"));
        assertTrue(report.getList("flags.kind", String.class).contains("seen_before_commit"), report.prettify());
        assertEquals(second, report.getLong("flags.find { it.kind == 'seen_before_commit' }.assignmentId"));
    }

    /** The demo's support-reply items, as DemoSeeder imports them. */
    private static String demoItems() throws IOException {
        try (InputStream in = DemoSeeder.class.getResourceAsStream("/demo/support-replies.ndjson")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Skips the annotator's items (before any commit) until sup-011 comes up; returns its assignment. */
    private static long skipTo(String annotator, long projectId) {
        while (true) {
            JsonPath next = Api.as(annotator).get("/api/projects/" + projectId + "/next").then().statusCode(200)
                    .extract().jsonPath();
            long aid = next.getLong("assignmentId");
            if (ITEM.equals(next.getString("item.externalId"))) {
                return aid;
            }
            Api.as(annotator).body(Map.of("reason", "not the item under test"))
                    .post("/api/assignments/" + aid + "/skip").then().statusCode(200);
        }
    }

    private static List<JsonNode> rows(String jsonl) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            if (!line.isBlank()) {
                rows.add(JSON.readTree(line));
            }
        }
        return rows;
    }

    private static JsonNode only(List<JsonNode> rows) {
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new java.util.HashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
