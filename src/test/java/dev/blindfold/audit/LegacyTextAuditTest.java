package dev.blindfold.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.ChunkedGet;
import dev.blindfold.support.LegacyText;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The provenance log holding a blind answer stored before lone surrogates were refused ({@link LegacyText}): its hash
 * was taken over '?' in the surrogate's place. Verification says so instead of passing it (or failing with a 500), and
 * an audit bundle, which cannot write that event faithfully, is cut off without a manifest rather than looking whole.
 */
@QuarkusTest
class LegacyTextAuditTest {

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    private record Legacy(Fixture fixture, long assignment) {
    }

    private Legacy legacy() throws Exception {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        long good = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), good, "A good answer.");
        TestData.keep(f.annotator(), good);
        long bad = TestData.next(f.annotator(), f.projectId());
        LegacyText.commit(dataSource, bad);
        return new Legacy(f, bad);
    }

    /** Auditors still read the event: JSON carries the surrogate as an escape, as it came in. */
    @Test
    void theLegacyEventStaysReadableInTheEventsAndTheTimeline() throws Exception {
        Legacy l = legacy();
        String answer = Api.as(l.fixture().auditor()).get("/api/assignments/" + l.assignment() + "/events").then()
                .statusCode(200).extract().jsonPath().getString("find { it.type == 'BLIND_COMMITTED' }.data.answer");
        assertEquals("legacy answer \uD800", answer);
        Api.as(l.fixture().auditor()).get("/api/assignments/" + l.assignment() + "/timeline").then().statusCode(200);
    }

    @Test
    void verificationReportsALoneSurrogateItsHashCannotAttest() throws Exception {
        Fixture f = legacy().fixture();
        JsonPath v = Api.as(f.auditor()).get("/api/projects/" + f.projectId() + "/audit/verify").then().statusCode(200)
                .extract().jsonPath();
        assertFalse(v.getBoolean("ok"), v.prettify());
        assertEquals("CHANGED", v.getString("findings[0].kind"));
        assertEquals(5, v.getLong("findings[0].seq"), "shown, commit, final; shown, then the legacy commit");
        assertTrue(v.getString("findings[0].detail").contains("not valid Unicode"), v.getString("findings[0].detail"));
    }

    @Test
    void aBundleThatCannotBeWrittenWholeIsCutOffWithoutAManifest() throws Exception {
        Fixture f = legacy().fixture();
        ChunkedGet.Received r = ChunkedGet.get(base, f.auditor(), "/api/projects/" + f.projectId() + "/audit/bundle");
        assertFalse(r.complete(), "status " + r.status() + ", " + r.body().length + " bytes");
        assertTrue(r.status() == 200 || r.status() == -1, "a cut transfer, never an answer: " + r.status());
        assertFalse(new String(r.body(), StandardCharsets.ISO_8859_1).contains("manifest.json"));
        assertFalse(readsWhole(r.body()), "the partial zip must not read as a whole one");
    }

    /** Whether every entry of {@code zip} reads to its end and a manifest is among them. */
    private static boolean readsWhole(byte[] zip) {
        boolean manifest = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                in.readAllBytes();
                manifest |= e.getName().equals("manifest.json");
            }
        } catch (IOException cut) {
            return false;
        }
        return manifest;
    }
}
