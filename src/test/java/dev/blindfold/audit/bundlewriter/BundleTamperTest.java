package dev.blindfold.audit.bundlewriter;

import dev.blindfold.audit.bundle.BundleManifest;
import dev.blindfold.audit.bundle.BundleVerification;
import dev.blindfold.audit.bundle.BundleVerifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.audit.bundle.BundleFinding.Kind;
import dev.blindfold.audit.bundlewriter.BundleFiles.Event;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tamper matrix on a real chain: a project labelled through the API, its bundle downloaded, then one modified
 * copy per attack, each of which the offline verifier must name with the right kind and position.
 */
@QuarkusTest
class BundleTamperTest {

    private static Fixture fixture;
    private static BundleFiles intact;

    @TempDir
    Path dir;

    @BeforeEach
    void seed() throws IOException {
        if (intact == null) {
            fixture = AuditFixture.labelled();
            intact = BundleFiles.read(AuditFixture.bundle(fixture.auditor(), fixture.projectId()));
        }
    }

    @Test
    void intactBundleVerifiesWithEveryEventChainAndLabelCounted() throws IOException {
        BundleVerification r = verify(intact, "intact");
        assertTrue(r.ok(), r.findings().toString());
        assertEquals(intact.lines(BundleManifest.EVENTS).size(), r.events());
        assertEquals(3, r.chains());
        assertEquals(6, r.labels());
        BundleManifest m = intact.manifest();
        assertEquals(BundleManifest.FORMAT, m.format());
        assertEquals(fixture.projectId(), m.projectId());
        assertEquals(fixture.auditor(), m.exporter());
        assertEquals(3, m.chains().size());
        assertTrue(intact.lines(BundleManifest.LABELS).stream().allMatch(l -> l.contains(m.labelsExportId())));
        assertFalse(intact.files.containsKey(BundleManifest.SIGNATURE), "no signing key is configured in this profile");
    }

    @Test
    void bundleIsAnAttachmentNamedByProjectAndTimeForAuditorsOpsAndAdminsOnly() {
        String disposition = Api.as(fixture.ops()).get("/api/projects/" + fixture.projectId() + "/audit/bundle").then()
                .statusCode(200).contentType("application/zip").extract().header("Content-Disposition");
        assertTrue(disposition.matches("attachment; filename=\"blindfold-audit-" + fixture.projectId()
                + "-\\d{8}-\\d{6}\\.zip\""), disposition);
        Api.as(Api.ADMIN).get("/api/projects/" + fixture.projectId() + "/audit/bundle").then().statusCode(200);
        Api.as(fixture.annotator()).get("/api/projects/" + fixture.projectId() + "/audit/bundle").then().statusCode(403);
        Api.anonymous().get("/api/projects/" + fixture.projectId() + "/audit/bundle").then().statusCode(401);
        Api.as(fixture.auditor()).get("/api/projects/987654321/audit/bundle").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void oneChangedPayloadByteIsAChangedEventAtItsLine() throws IOException {
        BundleFiles b = intact.copy();
        List<String> lines = b.lines(BundleManifest.EVENTS);
        int i = indexOf(lines, l -> l.contains("Security") && Event.of(l).type().equals("BLIND_COMMITTED"));
        lines.set(i, lines.get(i).replace("Security", "Securitz"));
        b.lines(BundleManifest.EVENTS, lines);
        BundleVerification r = verify(b, "changed");
        assertHas(r, Kind.CHANGED, BundleManifest.EVENTS, i + 1, Event.of(lines.get(i)).seq());
        assertHas(r, Kind.FILE_MISMATCH, BundleManifest.EVENTS, 0, 0);
    }

    @Test
    void aDeletedLineIsADeletionAtTheLineThatFollowsIt() throws IOException {
        BundleFiles b = intact.copy();
        List<String> lines = b.lines(BundleManifest.EVENTS);
        int i = middleOfFirstChain(lines);
        long seq = Event.of(lines.remove(i)).seq();
        b.lines(BundleManifest.EVENTS, lines);
        assertHas(verify(b, "deleted"), Kind.DELETED, BundleManifest.EVENTS, i + 1, seq);
    }

    @Test
    void aCopiedLineInsertedIsAnInsertionAtItsLine() throws IOException {
        BundleFiles b = intact.copy();
        List<String> lines = b.lines(BundleManifest.EVENTS);
        int i = middleOfFirstChain(lines);
        long seq = Event.of(lines.get(i)).seq();
        lines.add(i + 1, lines.get(1));
        b.lines(BundleManifest.EVENTS, lines);
        assertHas(verify(b, "copied"), Kind.INSERTED, BundleManifest.EVENTS, i + 2, seq + 1);
    }

    @Test
    void aForgedLineCorrectlyLinkedToItsPredecessorIsAnInsertionAtItsLine() throws IOException {
        BundleFiles b = intact.copy();
        List<String> lines = b.lines(BundleManifest.EVENTS);
        int i = middleOfFirstChain(lines);
        Event before = Event.of(lines.get(i));
        var forged = before.event().deepCopy();
        forged.put("seq", before.seq() + 1);
        forged.put("type", "FOCUS_LOST");
        lines.add(i + 1, BundleFiles.forge(before.hash(), forged));
        b.lines(BundleManifest.EVENTS, lines);
        assertHas(verify(b, "forged"), Kind.INSERTED, BundleManifest.EVENTS, i + 2, before.seq() + 1);
    }

    @Test
    void twoSwappedLinesAreReorderedAtTheFirst() throws IOException {
        BundleFiles b = intact.copy();
        List<String> lines = b.lines(BundleManifest.EVENTS);
        int i = middleOfFirstChain(lines);
        long seq = Event.of(lines.get(i)).seq();
        String moved = lines.get(i);
        lines.set(i, lines.get(i + 1));
        lines.set(i + 1, moved);
        b.lines(BundleManifest.EVENTS, lines);
        assertHas(verify(b, "swapped"), Kind.REORDERED, BundleManifest.EVENTS, i + 1, seq);
    }

    @Test
    void aDroppedChainTailIsATruncationAtTheFirstMissingSeq() throws IOException {
        BundleFiles b = intact.copy();
        List<String> lines = b.lines(BundleManifest.EVENTS);
        long actor = Event.of(lines.get(0)).actorId();
        int last = IntStream.range(0, lines.size()).filter(k -> Event.of(lines.get(k)).actorId() == actor).max().orElseThrow();
        long lastSeq = Event.of(lines.get(last)).seq();
        lines.remove(last);
        lines.remove(last - 1);
        b.lines(BundleManifest.EVENTS, lines);
        BundleVerification r = verify(b, "truncated");
        assertHas(r, Kind.TRUNCATED, BundleManifest.EVENTS, 0, lastSeq - 1);
        assertTrue(r.findings().stream().anyMatch(f -> f.kind() == Kind.TRUNCATED && f.chain() == actor), r.findings().toString());
    }

    @Test
    void aMalformedLineIsAChangedEventAtItsLine() throws IOException {
        BundleFiles b = intact.copy();
        List<String> lines = b.lines(BundleManifest.EVENTS);
        int i = middleOfFirstChain(lines);
        long seq = Event.of(lines.get(i)).seq();
        lines.set(i, "{\"not\":\"an event\"}");
        b.lines(BundleManifest.EVENTS, lines);
        BundleVerification r = verify(b, "malformed");
        assertHas(r, Kind.CHANGED, BundleManifest.EVENTS, i + 1, seq);
        assertTrue(r.findings().stream().anyMatch(f -> f.detail().contains("not a well-formed event")), r.findings().toString());
    }

    @Test
    void anEditedExposureTagIsAFileMismatchAndWithTheManifestRecomputedAnExposureMismatchAtItsLine() throws IOException {
        BundleFiles b = intact.copy();
        List<String> labels = b.lines(BundleManifest.LABELS);
        int i = indexOf(labels, l -> l.contains("\"exposure\":\"blind_kept\""));
        labels.set(i, labels.get(i).replace("\"exposure\":\"blind_kept\"", "\"exposure\":\"blind_only\""));
        b.lines(BundleManifest.LABELS, labels);
        BundleVerification r = verify(b, "tag");
        assertHas(r, Kind.FILE_MISMATCH, BundleManifest.LABELS, 0, 0);

        b.recomputeManifest();
        r = verify(b, "tag-resummed");
        assertEquals(1, r.findings().size(), r.findings().toString());
        assertHas(r, Kind.EXPOSURE_MISMATCH, BundleManifest.LABELS, i + 1, -1);
        assertTrue(r.findings().get(0).detail().contains("tagged blind_only but its events give blind_kept"), r.findings().toString());
    }

    @Test
    void blindKeptLabelWhoseRechainedEventsShowTheRevealBeforeTheCommitFailsOnExposureAlone() throws IOException {
        BundleFiles b = intact.copy();
        int labelLine = Forgery.revealBeforeCommit(b) + 1;
        BundleVerification r = verify(b, "reveal-first");
        assertEquals(1, r.findings().size(), "the chains are valid again, so only the tag betrays it: " + r.findings());
        assertHas(r, Kind.EXPOSURE_MISMATCH, BundleManifest.LABELS, labelLine, -1);
        assertTrue(r.findings().get(0).detail().contains("tagged blind_kept"), r.findings().toString());
    }

    @Test
    void aLabelRowWithoutEventsAndACommitWithoutARowAreBothNamed() throws IOException {
        BundleFiles b = intact.copy();
        List<String> labels = b.lines(BundleManifest.LABELS);
        String removed = labels.remove(0);
        long assignment = BundleFiles.JSON.readTree(removed).get("assignment_id").asLong();
        labels.add(removed.replace("\"assignment_id\":" + assignment, "\"assignment_id\":987654321"));
        labels.add(removed.replace("\"assignment_id\":" + assignment, "\"assignment_id\":null")
                .replace("\"source\":\"blindfold\"", "\"source\":\"label-studio\""));
        b.lines(BundleManifest.LABELS, labels);
        b.recomputeManifest();
        BundleVerification r = verify(b, "rows");
        List<String> events = b.lines(BundleManifest.EVENTS);
        int commit = indexOf(events, l -> Event.of(l).type().equals("BLIND_COMMITTED") && Long.valueOf(assignment).equals(Event.of(l).assignmentId()));
        assertHas(r, Kind.LABEL_MISSING, BundleManifest.EVENTS, commit + 1, Event.of(events.get(commit)).seq());
        assertHas(r, Kind.LABEL_WITHOUT_EVENTS, BundleManifest.LABELS, labels.size() - 1, 0);
        assertHas(r, Kind.EXPOSURE_MISMATCH, BundleManifest.LABELS, labels.size(), 0);
        assertEquals(3, r.findings().size(), r.findings().toString());
    }

    private BundleVerification verify(BundleFiles b, String name) throws IOException {
        return new BundleVerifier(null).verify(b.write(dir, name));
    }

    /** Asserts a finding of that kind, file and line; {@code seq} -1 leaves the seq unchecked. */
    static void assertHas(BundleVerification r, Kind kind, String file, long line, long seq) {
        assertFalse(r.ok());
        assertTrue(r.findings().stream().anyMatch(f -> f.kind() == kind && file.equals(f.file()) && f.line() == line
                && (seq < 0 || f.seq() == seq)), "expected " + kind + " in " + file + " at line " + line + ", seq " + seq
                + "; found " + r.findings());
    }

    static int indexOf(List<String> lines, java.util.function.Predicate<String> p) {
        return IntStream.range(0, lines.size()).filter(k -> p.test(lines.get(k))).findFirst().orElseThrow();
    }

    /** An index in the middle of the first chain, with events of that chain on both sides. */
    private static int middleOfFirstChain(List<String> lines) {
        long actor = Event.of(lines.get(0)).actorId();
        long length = lines.stream().filter(l -> Event.of(l).actorId() == actor).count();
        assertTrue(length >= 6, "the first chain is long enough to cut in its middle");
        return (int) length / 2;
    }
}
