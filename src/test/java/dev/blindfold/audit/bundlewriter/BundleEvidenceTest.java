package dev.blindfold.audit.bundlewriter;

import static dev.blindfold.audit.bundlewriter.BundleTamperTest.assertHas;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blindfold.audit.bundlewriter.BundleFiles.Event;
import dev.blindfold.audit.bundle.BundleFinding.Kind;
import dev.blindfold.audit.bundle.BundleManifest;
import dev.blindfold.audit.bundle.BundleVerification;
import dev.blindfold.audit.bundle.BundleVerifier;
import dev.blindfold.support.Api;
import dev.blindfold.support.ReusedInput;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seen_before_commit tag rests on a reveal in another project, outside the bundle's chains: the bundle carries that
 * reveal in evidence.jsonl, and the offline verifier accepts the tag only on valid evidence. Each attack on the
 * evidence or the tag is rewritten consistently (manifest sums recomputed), so only these checks can catch it.
 */
@QuarkusTest
class BundleEvidenceTest {

    private static ReusedInput reuse;
    private static BundleFiles intact;

    @TempDir
    Path dir;

    @BeforeEach
    void seed() throws IOException {
        if (intact == null) {
            reuse = ReusedInput.create("NEVER_REVEAL");
            intact = BundleFiles.read(AuditFixture.bundle(reuse.auditor(), reuse.second()));
        }
    }

    @Test
    void theBundleCarriesTheOtherProjectsRevealAsEvidenceAndVerifies() throws IOException {
        BundleVerification r = verify(intact, "intact");
        assertTrue(r.ok(), r.findings().toString());
        assertEquals(BundleManifest.FORMAT, intact.manifest().format());
        assertTrue(intact.manifest().file(BundleManifest.EVIDENCE) != null, "the manifest lists evidence.jsonl");
        assertEquals("seen_before_commit", tag(intact, "again"));
        assertEquals("blind_only", tag(intact, "fresh"));
        List<String> evidence = evidence(intact);
        assertEquals(1, evidence.size(), evidence.toString());
        Event reveal = Event.of(evidence.get(0));
        assertEquals("DRAFTS_REVEALED", reveal.type());
        assertEquals(reuse.firstAssignment(), reveal.assignmentId());
        assertEquals(reuse.first(), reveal.event().get("projectId").asLong());
        String stored = Api.as(reuse.auditor()).get("/api/assignments/" + reuse.firstAssignment() + "/events").then()
                .statusCode(200).extract().jsonPath().getString("find { it.type == 'DRAFTS_REVEALED' }.hash");
        assertEquals(stored, reveal.hash(), "the event verbatim, with its hash as the log stores it");
    }

    @Test
    void withoutItsEvidenceASeenTagIsAnExposureMismatch() throws IOException {
        BundleFiles b = intact.copy();
        b.files.put(BundleManifest.EVIDENCE, new byte[0]);
        b.recomputeManifest();
        BundleVerification r = verify(b, "no-evidence");
        assertEquals(1, r.findings().size(), r.findings().toString());
        assertHas(r, Kind.EXPOSURE_MISMATCH, BundleManifest.LABELS, labelLine(b, "again"), -1);
        assertTrue(r.findings().get(0).detail().contains("tagged seen_before_commit but its events give blind_only (no"
                + " earlier reveal"), r.findings().toString());
    }

    @Test
    void evidenceWhoseBytesNoLongerMatchItsHashIsInvalidAndSupportsNothing() throws IOException {
        BundleFiles b = intact.copy();
        b.lines(BundleManifest.EVIDENCE, List.of(evidence(b).get(0).replace("refunds it", "refunds It")));
        b.recomputeManifest();
        BundleVerification r = verify(b, "edited-evidence");
        assertHas(r, Kind.EVIDENCE_INVALID, BundleManifest.EVIDENCE, 1, -1);
        assertTrue(r.findings().stream().anyMatch(f -> f.detail().contains("do not match its hash")), r.findings().toString());
        assertHas(r, Kind.EXPOSURE_MISMATCH, BundleManifest.LABELS, labelLine(b, "again"), -1);
    }

    @Test
    void evidenceRehashedToAfterTheCommitDoesNotSupportTheTag() throws IOException {
        BundleFiles b = intact.copy();
        Event reveal = Event.of(evidence(b).get(0));
        Instant commit = Instant.parse(commitOf(b, "again").event().get("serverTime").asText());
        reveal.event().put("serverTime", java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(commit.plusSeconds(1)));
        b.lines(BundleManifest.EVIDENCE, List.of(BundleFiles.forge(reveal.prevHash(), reveal.event())));
        b.recomputeManifest();
        BundleVerification r = verify(b, "late-evidence");
        assertEquals(1, r.findings().size(), "the line is a valid first reveal, just not an earlier one: " + r.findings());
        assertHas(r, Kind.EXPOSURE_MISMATCH, BundleManifest.LABELS, labelLine(b, "again"), -1);
    }

    @Test
    void aRepeatRevealThisProjectsEventOrAnotherActorsIsNoEvidence() throws IOException {
        Event reveal = Event.of(evidence(intact).get(0));
        ObjectNode repeat = reveal.event().deepCopy();
        ((ObjectNode) repeat.get("payload")).put("repeat", true);
        ObjectNode here = reveal.event().deepCopy();
        here.put("projectId", reuse.second());
        ObjectNode stranger = reveal.event().deepCopy();
        stranger.put("actorId", 987654321L);
        for (ObjectNode forged : List.of(repeat, here, stranger)) {
            BundleFiles b = intact.copy();
            b.lines(BundleManifest.EVIDENCE, List.of(BundleFiles.forge(reveal.prevHash(), forged)));
            b.recomputeManifest();
            BundleVerification r = verify(b, "forged");
            assertHas(r, Kind.EVIDENCE_INVALID, BundleManifest.EVIDENCE, 1, -1);
            assertHas(r, Kind.EXPOSURE_MISMATCH, BundleManifest.LABELS, labelLine(b, "again"), -1);
            assertEquals(2, r.findings().size(), r.findings().toString());
        }
    }

    @Test
    void aBlindTagThatTheBundlesOwnEvidenceContradictsIsAnExposureMismatch() throws IOException {
        BundleFiles b = intact.copy();
        List<String> labels = b.lines(BundleManifest.LABELS);
        int i = labelLine(b, "again") - 1;
        labels.set(i, labels.get(i).replace("\"exposure\":\"seen_before_commit\"", "\"exposure\":\"blind_only\""));
        b.lines(BundleManifest.LABELS, labels);
        b.recomputeManifest();
        BundleVerification r = verify(b, "blind-tag");
        assertEquals(1, r.findings().size(), r.findings().toString());
        assertHas(r, Kind.EXPOSURE_MISMATCH, BundleManifest.LABELS, i + 1, -1);
        assertTrue(r.findings().get(0).detail().contains("tagged blind_only but its events give seen_before_commit"));
    }

    /** A bundle as the server wrote it before issue 11 (format 1, no evidence, undecided reveals tagged blind_kept). */
    @Test
    void aFormatOneBundleIsVerifiedByTheRulesItWasTaggedWith() throws IOException {
        TestData.Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), aid, "My blind answer");
        Api.as(f.annotator()).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
        BundleFiles now = BundleFiles.read(AuditFixture.bundle(f.auditor(), f.projectId()));
        assertEquals("awaiting_final", BundleFiles.JSON.readTree(now.lines(BundleManifest.LABELS).get(0)).get("exposure").asText());
        assertTrue(verify(now, "v2").ok());

        BundleFiles old = now.copy();
        old.files.remove(BundleManifest.EVIDENCE);
        old.lines(BundleManifest.LABELS, List.of(old.lines(BundleManifest.LABELS).get(0)
                .replace("\"exposure\":\"awaiting_final\"", "\"exposure\":\"blind_kept\"")));
        BundleManifest m = old.manifest();
        old.files.put(BundleManifest.MANIFEST, new BundleManifest(BundleManifest.FORMAT_1, m.projectId(), m.projectName(),
                m.createdAt(), m.exporter(), m.labelsExportId(), m.exposureThresholds(), m.chains(),
                m.files().stream().filter(x -> !x.name().equals(BundleManifest.EVIDENCE)).toList(), null).toBytes());
        old.recomputeManifest();
        BundleVerification r = verify(old, "v1");
        assertTrue(r.ok(), "format 1 tagged an undecided reveal blind_kept: " + r.findings());

        BundleFiles mixed = old.copy();
        BundleManifest o = mixed.manifest();
        mixed.files.put(BundleManifest.MANIFEST, new BundleManifest(BundleManifest.FORMAT, o.projectId(), o.projectName(),
                o.createdAt(), o.exporter(), o.labelsExportId(), o.exposureThresholds(), o.chains(), o.files(), null).toBytes());
        BundleVerification v2 = verify(mixed, "v1-as-v2");
        assertHas(v2, Kind.MANIFEST, BundleManifest.MANIFEST, 0, 0);
        assertHas(v2, Kind.EXPOSURE_MISMATCH, BundleManifest.LABELS, 1, -1);
    }

    private BundleVerification verify(BundleFiles b, String name) throws IOException {
        return new BundleVerifier(null).verify(b.write(dir, name));
    }

    private static List<String> evidence(BundleFiles b) {
        String text = new String(b.files.get(BundleManifest.EVIDENCE), StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static String tag(BundleFiles b, String externalId) throws IOException {
        return label(b, externalId).get("exposure").asText();
    }

    private static JsonNode label(BundleFiles b, String externalId) throws IOException {
        for (String line : b.lines(BundleManifest.LABELS)) {
            JsonNode row = BundleFiles.JSON.readTree(line);
            if (row.get("item_external_id").asText().equals(externalId)) {
                return row;
            }
        }
        throw new AssertionError("no label of " + externalId);
    }

    /** The 1-based line of the item's label in labels.jsonl. */
    private static int labelLine(BundleFiles b, String externalId) {
        List<String> labels = b.lines(BundleManifest.LABELS);
        return BundleTamperTest.indexOf(labels, l -> l.contains("\"item_external_id\":\"" + externalId + "\"")) + 1;
    }

    private static Event commitOf(BundleFiles b, String externalId) throws IOException {
        long assignment = label(b, externalId).get("assignment_id").asLong();
        return b.lines(BundleManifest.EVENTS).stream().map(Event::of).filter(e -> e.type().equals("BLIND_COMMITTED")
                && Long.valueOf(assignment).equals(e.assignmentId())).findFirst().orElseThrow();
    }
}
