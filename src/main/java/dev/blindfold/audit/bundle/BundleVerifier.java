package dev.blindfold.audit.bundle;

import dev.blindfold.audit.bundle.BundleFinding.Kind;
import dev.blindfold.exposure.ExposureRules;
import dev.blindfold.exposure.LoggedEvent;
import dev.blindfold.provenance.chain.ChainVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies an audit bundle offline (a zip, or a directory holding the same files), with the JDK and Jackson only:
 * <ol>
 *   <li>the manifest parses and names a known format; {@code manifest.sig} verifies (with the trusted key when one
 *       is given, and then it must be present; otherwise with the key the manifest names);</li>
 *   <li>every file's size and SHA-256 match the manifest's, digested while it is read;</li>
 *   <li>events.jsonl, in one streaming pass, forms intact chains ending at the manifest's heads, all of its
 *       project ({@link ChainVerifier}, the same check the database verification runs);</li>
 *   <li>each label's exposure tag in labels.jsonl equals the class its events give (B6), every label row has
 *       events and every committed blind answer has a row. Format 2: the rules of {@link ExposureRules#V2}, and the
 *       events include the valid evidence.jsonl lines ({@link EvidenceFile}), read into each actor's rules before
 *       that actor's chain, so a seen_before_commit tag whose earlier reveal lies in another project is recomputed
 *       from the bundle alone; format 1: the rules it was tagged by, {@link ExposureRules#V1}.</li>
 * </ol>
 */
public final class BundleVerifier {

    private final PublicKey trustedKey;

    /** {@code trustedKey} may be null: then a signature is checked only against the key the manifest names. */
    public BundleVerifier(PublicKey trustedKey) {
        this.trustedKey = trustedKey;
    }

    /** Verifies the bundle; IOException when it cannot be opened at all (not a zip, not there). */
    public BundleVerification verify(Path bundle) throws IOException {
        try (BundleContents source = BundleContents.open(bundle)) {
            return verify(source, true);
        }
    }

    /**
     * Verifies the manifest, its signature and events.jsonl's chains against the manifest's heads, and nothing else:
     * no file digests, no labels, no exposure classes (the database verification's offline twin, at the speed of
     * hashing the events). {@code labels} is 0 in the result.
     */
    public BundleVerification verifyChains(Path bundle) throws IOException {
        try (BundleContents source = BundleContents.open(bundle)) {
            return verify(source, false);
        }
    }

    private BundleVerification verify(BundleContents source, boolean full) throws IOException {
        CappedFindings findings = new CappedFindings();
        byte[] manifestBytes = readAll(source, BundleManifest.MANIFEST);
        if (manifestBytes == null) {
            return broken(findings, "the bundle has no " + BundleManifest.MANIFEST);
        }
        BundleManifest manifest;
        try {
            manifest = BundleManifest.parse(manifestBytes);
        } catch (IOException e) {
            return broken(findings, BundleManifest.MANIFEST + " is not a bundle manifest: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (manifest.rules() == null) {
            return broken(findings, "unknown format '" + manifest.format() + "'; this verifier reads " + BundleManifest.FORMAT
                    + " and " + BundleManifest.FORMAT_1);
        }
        boolean signed = new SignatureCheck(trustedKey, findings).check(manifest, manifestBytes,
                readAll(source, BundleManifest.SIGNATURE));
        if (!full) {
            try (LineReader lines = reader(source, BundleManifest.EVENTS, findings, false)) {
                ChainVerifier.Result result = lines == null ? null : new ChainsOnlyCheck(lines, manifest, findings).run();
                return new BundleVerification(findings.isEmpty(), result == null ? 0 : result.events(),
                        result == null ? 0 : result.chains(), 0, signed, findings.list(), true);
            }
        }
        Set<String> known = Set.of(BundleManifest.MANIFEST, BundleManifest.SIGNATURE);
        for (String name : source.names()) {
            if (!known.contains(name) && manifest.file(name) == null) {
                findings.add(new BundleFinding(Kind.FILE_MISMATCH, name, 0, null, 0, "the manifest does not list this file"));
            }
        }
        boolean withEvidence = manifest.rules() == ExposureRules.V2;
        List<String> required = withEvidence ? List.of(BundleManifest.LABELS, BundleManifest.EVENTS, BundleManifest.EVIDENCE)
                : List.of(BundleManifest.LABELS, BundleManifest.EVENTS);
        for (String file : required) {
            if (manifest.file(file) == null) {
                findings.add(new BundleFinding(Kind.MANIFEST, BundleManifest.MANIFEST, 0, null, 0, "lists no " + file));
            }
        }
        LabelsFile labelsPass = new LabelsFile(findings);
        LabelIndex labels = new LabelIndex();
        try (LineReader lines = reader(source, BundleManifest.LABELS, findings, true)) {
            if (lines != null) {
                labels = labelsPass.read(lines);
                lines.drain();
                compare(manifest, BundleManifest.LABELS, lines, findings);
            }
        }
        Map<Long, List<LoggedEvent>> evidence = Map.of();
        if (withEvidence && manifest.file(BundleManifest.EVIDENCE) != null) {
            try (LineReader lines = reader(source, BundleManifest.EVIDENCE, findings, true)) {
                if (lines != null) {
                    evidence = new EvidenceFile(manifest, findings).read(lines);
                    lines.drain();
                    compare(manifest, BundleManifest.EVIDENCE, lines, findings);
                }
            }
        }
        long events = 0;
        long chains = 0;
        try (LineReader lines = reader(source, BundleManifest.EVENTS, findings, true)) {
            if (lines != null) {
                ChainVerifier.Result result = new EventsFileCheck(lines, manifest, labels, evidence, findings).run();
                events = result.events();
                chains = result.chains();
                lines.drain();
                compare(manifest, BundleManifest.EVENTS, lines, findings);
                labels.forEachUnmatched((line, assignment) -> findings.add(new BundleFinding(Kind.LABEL_WITHOUT_EVENTS,
                        BundleManifest.LABELS, line, null, 0, "assignment " + assignment + " has no committed blind answer in "
                        + BundleManifest.EVENTS)));
            }
        }
        for (BundleManifest.FileEntry f : manifest.files()) {
            if (!f.name().equals(BundleManifest.EVENTS) && !f.name().equals(BundleManifest.LABELS)
                    && !(withEvidence && f.name().equals(BundleManifest.EVIDENCE))) {
                try (LineReader lines = reader(source, f.name(), findings, true)) {
                    if (lines != null) {
                        lines.drain();
                        compare(manifest, f.name(), lines, findings);
                    }
                }
            }
        }
        return new BundleVerification(findings.isEmpty(), events, chains, labelsPass.rows(), signed, findings.list(), false);
    }

    private static BundleVerification broken(CappedFindings findings, String detail) {
        findings.add(new BundleFinding(Kind.MANIFEST, BundleManifest.MANIFEST, 0, null, 0, detail));
        return new BundleVerification(false, 0, 0, 0, false, findings.list(), false);
    }

    private static LineReader reader(BundleContents source, String name, CappedFindings findings, boolean digest) throws IOException {
        InputStream in = source.open(name);
        if (in == null) {
            findings.add(new BundleFinding(Kind.FILE_MISSING, name, 0, null, 0, "the manifest lists it; the bundle lacks it"));
            return null;
        }
        return new LineReader(in, digest);
    }

    private static void compare(BundleManifest manifest, String name, LineReader read, CappedFindings findings) {
        BundleManifest.FileEntry listed = manifest.file(name);
        if (listed == null) {
            return;
        }
        String sha = read.sha256();
        if (listed.bytes() != read.bytes() || !sha.equals(listed.sha256())) {
            findings.add(new BundleFinding(Kind.FILE_MISMATCH, name, 0, null, 0, "the manifest lists " + listed.bytes()
                    + " bytes with SHA-256 " + listed.sha256() + "; the file has " + read.bytes() + " bytes with SHA-256 " + sha));
        }
    }

    private static byte[] readAll(BundleContents source, String name) throws IOException {
        try (InputStream in = source.open(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
