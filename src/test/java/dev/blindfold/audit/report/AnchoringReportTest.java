package dev.blindfold.audit.report;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.blindfold.audit.anchoring.AnchoringScenario;
import dev.blindfold.audit.chain.Chains;

/**
 * The anchoring report an auditor prints or hands on: chain verification, labels per exposure class, agreement,
 * the mirror gap per family, the annotators and the flags, as JSON and as a page, for auditors only.
 */
@QuarkusTest
class AnchoringReportTest {

    private static AnchoringScenario s;

    @Inject
    DataSource db;

    /** Once per class, in a @BeforeEach: REST Assured knows the test port only from the first test on. */
    @BeforeEach
    void scenario() {
        if (s == null) {
            s = AnchoringScenario.build();
        }
    }

    @Test
    void reportGathersVerificationExposureAgreementMirrorGapAnnotatorsAndFlags() {
        JsonPath r = Api.as(s.fixture().auditor()).get("/api/projects/" + s.fixture().projectId() + "/audit/report")
                .then().statusCode(200).extract().jsonPath();

        assertEquals(true, r.getBoolean("verification.ok"), r.prettify());
        assertEquals("now", r.getString("verification.source"), "a log this small is verified for the report");
        assertEquals(0, r.getLong("verification.eventsSince"));
        assertEquals(r.getLong("verification.events"), r.getLong("verification.logEvents"), "the heads count what was read");
        assertTrue(r.getLong("verification.events") > 20, "every event of the three chains was read");
        assertEquals(3, r.getInt("verification.chains"));
        assertEquals(Map.of("blind_only", 3, "blind_kept", 1, "awaiting_final", 0, "seen_before_commit", 0,
                "revised_after_reveal", 1, "draft_accepted", 1, "unknown", 0), r.getMap("exposure"));
        assertEquals(2, r.getInt("agreement.units"));
        assertEquals(6, r.getInt("agreement.blind.labels"));
        assertEquals(4, r.getList("mirrorGap").size(), "one row per model family (TestData gives each item its own two)");
        assertEquals(List.of(1, 1, 1, 1), r.getList("mirrorGap.items"));
        assertEquals(List.of(s.a(), s.b(), s.c()).stream().sorted().toList(), r.getList("annotators.username"));
        assertTrue(r.getList("flags.kind").contains("paste_dominant"), r.getList("flags.kind").toString());
    }

    @Test
    void printablePageShowsTheVerdictAndEveryTableAndLinksToTimelines() {
        String page = Api.as(s.fixture().auditor()).accept("text/html")
                .get("/projects/" + s.fixture().projectId() + "/audit/report")
                .then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("id=\"verification\" class=\"ok\""), containsString("Mirror gap per model family"),
                        containsString("id=\"report-exposure\""), containsString("id=\"audit-annotators\""),
                        containsString("/audit/assignments/" + s.pastedAid()), containsString("/js/print-report.js"))
                .extract().asString();
        for (String annotator : List.of(s.a(), s.b(), s.c())) {
            assertTrue(page.contains(annotator), annotator);
        }
    }

    @Test
    void aTamperedLogMakesTheReportSayBrokenAndNameTheBreak() throws Exception {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), aid, "my blind answer");
        TestData.keep(f.annotator(), aid);
        Chains.changeFirstCommit(db, f.projectId(), Chains.userId(f.annotator()), "my blind answer", "my better answer");

        JsonPath r = Api.as(f.auditor()).get("/api/projects/" + f.projectId() + "/audit/report").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(false, r.getBoolean("verification.ok"));
        assertEquals(List.of("CHANGED"), r.getList("verification.findings.kind"));
        Api.as(f.auditor()).accept("text/html").get("/projects/" + f.projectId() + "/audit/report").then().statusCode(200)
                .body(containsString("id=\"verification\" class=\"bad\""), containsString("<code>CHANGED</code>"));
    }

    @Test
    void opsAndAnnotatorsAreRefusedTheReport() {
        String json = "/api/projects/" + s.fixture().projectId() + "/audit/report";
        Api.as(s.fixture().ops()).get(json).then().statusCode(403).contentType(startsWith("application/problem+json"));
        Api.as(s.a()).get(json).then().statusCode(403).contentType(startsWith("application/problem+json"));
        Api.as(s.fixture().ops()).accept("text/html").get("/projects/" + s.fixture().projectId() + "/audit/report")
                .then().statusCode(403).contentType(startsWith("text/html"));
        Api.as(s.fixture().auditor()).get("/api/projects/987654321/audit/report").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }
}
