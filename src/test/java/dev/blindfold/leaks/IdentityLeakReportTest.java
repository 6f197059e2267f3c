package dev.blindfold.leaks;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * The anchoring report's quality section says what became of a project's flagged drafts (flagged now, redacted,
 * dropped) and how many labels were revealed beside one: the same labels the exports mark {@code identity_leak_shown},
 * counted once however often their drafts are shown again.
 */
@QuarkusTest
class IdentityLeakReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theQualitySectionCountsFlaggedRedactedDroppedAndLabelsRevealedBesideAFlaggedDraft() throws Exception {
        LeakFixture p = LeakFixture.project("FREE_TEXT");
        p.importNdjson(LeakFixture.item("revealed", new String[] {"za", "zfam", "v1", "I'm Claude."},
                        new String[] {"zb", "zfam", "v1", "Clean one."})
                + LeakFixture.item("kept-blind", new String[] {"za", "zfam", "v1", "Grok here."},
                        new String[] {"zb", "zfam", "v1", "Clean two."})
                + LeakFixture.item("redacted", new String[] {"za", "zfam", "v1", "Gemini says hello."},
                        new String[] {"zb", "zfam", "v1", "Clean three."})
                + LeakFixture.item("dropped", new String[] {"za", "zfam", "v1", "As ChatGPT, I think so."},
                        new String[] {"zb", "zfam", "v1", "Clean four."}));
        String auditor = TestData.user("auditor");
        assertEquals(new Figures(4, 0, 0, 0), figures(auditor, p));

        Api.as(p.ops()).post("/api/drafts/" + p.flaggedDraftOf("redacted") + "/redact").then().statusCode(200);
        Api.as(p.ops()).delete("/api/drafts/" + p.flaggedDraftOf("dropped")).then().statusCode(200);
        assertEquals(new Figures(2, 1, 1, 0), figures(auditor, p));

        String annotator = p.annotator();
        for (int i = 0; i < 4; i++) {
            JsonPath next = Api.as(annotator).get("/api/projects/" + p.projectId() + "/next").then().statusCode(200)
                    .extract().jsonPath();
            long aid = next.getLong("assignmentId");
            TestData.commit(annotator, aid, "answer " + i);
            if (!next.getString("item.externalId").equals("kept-blind")) {
                Api.as(annotator).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
                Api.as(annotator).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
            }
            TestData.keep(annotator, aid);
        }
        assertEquals(new Figures(2, 1, 1, 1), figures(auditor, p));
        long markedInExport = 0;
        String jsonl = Api.as(p.ops()).get("/api/projects/" + p.projectId() + "/export?format=jsonl").then()
                .statusCode(200).extract().asString();
        for (String line : jsonl.split("\n")) {
            markedInExport += JSON.readTree(line).get("identity_leak_shown").asBoolean() ? 1 : 0;
        }
        assertEquals(1, markedInExport);

        Api.as(auditor).get("/projects/" + p.projectId() + "/audit/report").then().statusCode(200)
                .body(containsString("id=\"report-identity-leaks\""))
                .body(containsString("<td>2</td><td>1</td><td>1</td><td>1</td><td>25.0%</td>"));
    }

    private record Figures(long flagged, long redacted, long dropped, long labelsShown) {
    }

    private static Figures figures(String auditor, LeakFixture p) throws Exception {
        JsonNode l = JSON.readTree(Api.as(auditor).get("/api/projects/" + p.projectId() + "/audit/report").then()
                .statusCode(200).extract().asString()).path("quality").path("identityLeaks");
        return new Figures(l.path("flagged").asLong(-1), l.path("redacted").asLong(-1), l.path("dropped").asLong(-1),
                l.path("labelsShown").asLong(-1));
    }
}
