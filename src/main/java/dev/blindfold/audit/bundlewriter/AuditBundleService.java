package dev.blindfold.audit.bundlewriter;

import dev.blindfold.audit.bundle.BundleManifest;
import dev.blindfold.audit.bundle.ManifestSignature;
import dev.blindfold.export.ExportFilter;
import dev.blindfold.export.ExportFormat;
import dev.blindfold.export.ExportService;
import dev.blindfold.exposure.ExposureThresholds;
import dev.blindfold.facts.LabelReader;
import dev.blindfold.export.LabelScope;
import dev.blindfold.provenance.chain.ChainHeadRef;
import dev.blindfold.provenance.ProjectChains;
import dev.blindfold.web.BlindfoldConfig;
import dev.blindfold.web.StreamFailure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import dev.blindfold.audit.AuditMeters;
import dev.blindfold.web.LongReads;

/**
 * Writes a project's audit bundle as a zip stream, in constant memory: {@code events.jsonl} (every chain up to
 * the head recorded when the bundle started, each event's canonical bytes verbatim beside its two hashes), the
 * jsonl label export as {@code labels.jsonl} classified from the same events (bounded by the same heads, so work
 * done while the bundle is written shows in neither), {@code evidence.jsonl} (the other projects' reveals that
 * seen_before_commit tags rest on, {@link BundleEvidence}), then {@code manifest.json} with the heads, the files' sums
 * and the exposure thresholds, and {@code manifest.sig} when a signing key is configured. See {@link BundleManifest}.
 * A bundle that cannot be written whole (its labels export fails, or an event holds text that is not valid Unicode)
 * stops where it is, with a {@link StreamFailure}: no manifest and no zip directory are written, and the web layer
 * cuts the connection, so a partial bundle never looks complete.
 */
@ApplicationScoped
public class AuditBundleService {


    /** Who asked for the bundle, and which project. */
    public record Request(long projectId, String projectName, long userId, String username) {
    }

    private final ProjectChains chains;
    private final ExportService exports;
    private final LabelReader labels;
    private final EntityManager em;
    private final ExposureThresholds thresholds;
    private final Optional<KeyPair> signingKey;
    private final AuditMeters meters;

    AuditBundleService(ProjectChains chains, ExportService exports, LabelReader labels, EntityManager em,
                       BlindfoldConfig config, AuditMeters meters) {
        this.chains = chains;
        this.exports = exports;
        this.labels = labels;
        this.em = em;
        this.thresholds = labels.thresholds();
        this.signingKey = config.audit().signingKey().filter(k -> !k.isBlank()).map(ManifestSignature::keyPair);
        this.meters = meters;
    }

    public void write(Request request, OutputStream out) throws IOException {
        String createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<ChainHeadRef> heads = chains.heads(request.projectId());
        ZipOutputStream zip = new ZipOutputStream(out);
        List<BundleManifest.FileEntry> files = new ArrayList<>();
        files.add(entry(zip, BundleManifest.EVENTS, sink -> writeEvents(heads, sink)));
        ExportFilter all = ExportFilter.parse(null, null, null, null, null, null, null, null);
        String exportId = exports.start(request.projectId(), ExportFormat.JSONL, all, request.userId());
        Map<Long, Long> lastSeq = heads.stream().collect(Collectors.toMap(h -> h.chain().actorId(), ChainHeadRef::length));
        BundleEvidence evidence = new BundleEvidence();
        LabelScope asOfHeads = new LabelScope(annotator -> lastSeq.getOrDefault(annotator, 0L), evidence);
        files.add(entry(zip, BundleManifest.LABELS, sink -> exports.write(exportId, request.projectId(),
                ExportFormat.JSONL, all, null, "text", asOfHeads, sink)));
        files.add(entry(zip, BundleManifest.EVIDENCE, sink -> QuarkusTransaction.requiringNew().timeout(LongReads.TIMEOUT_SECONDS)
                .run(() -> evidence.write(em, request.projectId(), sink))));
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT, request.projectId(), request.projectName(),
                createdAt, request.username(), exportId, thresholds,
                heads.stream().map(h -> new BundleManifest.Chain(h.chain().actorId(), h.length(), h.hash())).toList(),
                files, signingKey.map(k -> ManifestSignature.encode(k.getPublic())).orElse(null));
        byte[] manifestBytes = manifest.toBytes();
        entry(zip, BundleManifest.MANIFEST, sink -> sink.write(manifestBytes));
        if (signingKey.isPresent()) {
            byte[] sig = ManifestSignature.sign(signingKey.get().getPrivate(), manifestBytes);
            entry(zip, BundleManifest.SIGNATURE, sink -> sink.write(sig));
        }
        zip.finish();
        zip.flush();
        meters.bundleWritten();
    }

    private void writeEvents(List<ChainHeadRef> heads, OutputStream sink) {
        QuarkusTransaction.requiringNew().timeout(LongReads.TIMEOUT_SECONDS).run(() -> {
            for (ChainHeadRef head : heads) {
                chains.forEach(head.chain(), head.length(), e -> EventLines.write(e, sink));
            }
        });
    }

    private interface Body {
        void write(OutputStream sink) throws IOException;
    }

    /**
     * Writes one zip entry through a buffer that counts and digests its bytes and never closes the zip. If the body
     * fails, nothing more is written: no end of the entry, no manifest, no zip directory.
     */
    private static BundleManifest.FileEntry entry(ZipOutputStream zip, String name, Body body) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        DigestingOutput sum = new DigestingOutput(zip);
        OutputStream buffered = new BufferedOutputStream(sum, 1 << 16);
        body.write(buffered);
        buffered.flush();
        zip.closeEntry();
        return new BundleManifest.FileEntry(name, sum.bytes(), sum.sha256());
    }
}
