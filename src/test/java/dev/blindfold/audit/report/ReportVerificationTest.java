package dev.blindfold.audit.report;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.blindfold.audit.chain.Chains;

/**
 * The report of a log past {@code blindfold.audit.report-verify-events} (3 here) shows the latest kept verification
 * and the events appended since, or that there is none, and never a stale ok as the log verifying; {@code verify=now}
 * verifies in full whatever the size.
 */
@QuarkusTest
@TestProfile(SmallReportVerifyProfile.class)
class ReportVerificationTest {

    @Inject
    DataSource db;

    private Fixture f;
    private long actor;

    @BeforeEach
    void project() {
        f = TestData.freeText(4, 1, 1, "REVEAL_AFTER_COMMIT");
        actor = Chains.userId(f.annotator());
    }

    private JsonPath report(String query) {
        return Api.as(f.auditor()).get("/api/projects/" + f.projectId() + "/audit/report" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    private String page(String query) {
        return Api.as(f.auditor()).accept("text/html").get("/projects/" + f.projectId() + "/audit/report" + query)
                .then().statusCode(200).contentType(startsWith("text/html")).extract().asString();
    }

    /** Labels the next item and says how many events the log holds afterwards. */
    private long label(int item) throws Exception {
        Chains.label(f.annotator(), f.projectId(), item);
        return Chains.chain(db, f.projectId(), actor).size();
    }

    private static void assertVerification(JsonPath r, String source, boolean ok, long events, long eventsSince) {
        assertEquals(source, r.getString("verification.source"), r.prettify());
        assertEquals(ok, r.getBoolean("verification.ok"), r.prettify());
        assertEquals(events, r.getLong("verification.events"), r.prettify());
        assertEquals(eventsSince, r.getLong("verification.eventsSince"), r.prettify());
    }

    @Test
    void aLogWithinTheLimitIsVerifiedForTheReport() {
        JsonPath r = report("");
        assertVerification(r, "now", true, 0, 0);
        assertEquals(0, r.getLong("verification.logEvents"));
    }

    @Test
    void aLargerLogShowsNoVerificationThenTheKeptOneAndTheEventsAppendedSince() throws Exception {
        long first = label(0);
        assertTrue(first > SmallReportVerifyProfile.EVENTS, "one label is past the limit: " + first);

        JsonPath none = report("");
        Map<String, Object> verification = none.getMap("verification");
        assertEquals("none", verification.get("source"), none.prettify());
        assertTrue(verification.containsKey("ok") && verification.get("ok") == null, "ok is null, never true: " + verification);
        assertNull(verification.get("verifiedAt"));
        assertEquals(first, none.getLong("verification.logEvents"));
        String unverified = page("");
        assertTrue(unverified.contains("class=\"unverified\"") && unverified.contains("Not verified yet")
                && unverified.contains("?verify=now\">Verify now</a>") && !unverified.contains("class=\"ok\""), unverified);

        Chains.verify(f.auditor(), f.projectId());
        assertVerification(report(""), "kept", true, first, 0);
        long second = label(1);
        JsonPath kept = report("");
        assertVerification(kept, "kept", true, first, second - first);
        assertEquals(second, kept.getLong("verification.logEvents"));
        String stale = page("");
        assertTrue(stale.contains("class=\"kept\""), stale);
        assertTrue(stale.contains("(" + (second - first) + " events appended since.)"), stale);
        assertTrue(stale.contains("href=\"/projects/" + f.projectId() + "/audit/report?verify=now\">Verify now</a>"), stale);

        assertVerification(report("?verify=now"), "now", true, second, 0);
        assertVerification(report(""), "kept", true, second, 0);
        assertTrue(page("?verify=now").contains("id=\"verification\" class=\"ok\""));
    }

    @Test
    void afterTamperingTheKeptOkStaysKeptWhileVerifyNowShowsTheBreak() throws Exception {
        label(0);
        Chains.verify(f.auditor(), f.projectId());
        long verified = Chains.chain(db, f.projectId(), actor).size();
        long now = label(1);
        Chains.changeFirstCommit(db, f.projectId(), actor, "blind answer", "better answer");

        assertVerification(report(""), "kept", true, verified, now - verified);
        String stale = page("");
        assertTrue(stale.contains("class=\"kept\"") && !stale.contains("class=\"ok\""), "a stale ok is not the log verifying");

        JsonPath fresh = report("?verify=now");
        assertVerification(fresh, "now", false, now, 0);
        assertEquals(List.of("CHANGED"), fresh.getList("verification.findings.kind"));
        JsonPath keptBreak = report("");
        assertVerification(keptBreak, "kept", false, now, 0);
        assertEquals(List.of("CHANGED"), keptBreak.getList("verification.findings.kind"), "the break is kept too");
        String broken = page("");
        assertTrue(broken.contains("class=\"bad\"") && broken.contains("<code>CHANGED</code>"), broken);
    }

    @Test
    void anyOtherValueOfVerifyIsABadRequest() {
        for (String value : List.of("later", "NOW", "true")) {
            Api.as(f.auditor()).queryParam("verify", value).get("/api/projects/" + f.projectId() + "/audit/report")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("detail", containsString("verify"));
            Api.as(f.auditor()).accept("text/html").queryParam("verify", value)
                    .get("/projects/" + f.projectId() + "/audit/report").then().statusCode(400)
                    .contentType(startsWith("text/html")).body(not(containsString("id=\"verification\"")));
        }
    }
}
