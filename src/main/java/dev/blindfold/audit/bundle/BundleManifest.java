package dev.blindfold.audit.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.blindfold.exposure.ExposureRules;
import dev.blindfold.exposure.ExposureThresholds;
import dev.blindfold.provenance.chain.ChainHeadRef;
import dev.blindfold.provenance.chain.ChainId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code manifest.json} of an audit bundle (format {@value #FORMAT}, or {@value #FORMAT_1}): what the bundle holds and the facts a
 * verifier checks it against: each chain's recorded head, each file's size and SHA-256, the exposure thresholds
 * the labels were tagged with, and the public key that signed it, if any. Plain Java and Jackson: the offline
 * verifier reads it with the same record the server writes it with.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleManifest(String format, long projectId, String projectName, String createdAt, String exporter,
                             String labelsExportId, ExposureThresholds exposureThresholds, List<Chain> chains,
                             List<FileEntry> files, String signingKey) {

    /**
     * The format written now: 2 adds evidence.jsonl and the exposure rules of issue 11 ({@code awaiting_final},
     * {@code seen_before_commit}); a bundle of format 1 ({@link #FORMAT_1}) is still read, with the rules it was tagged by.
     */
    public static final String FORMAT = "blindfold-audit-bundle/2";
    public static final String FORMAT_1 = "blindfold-audit-bundle/1";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String EVENTS = "events.jsonl";
    public static final String LABELS = "labels.jsonl";
    /** Format 2: the first reveals in other projects that seen_before_commit tags rest on, as events.jsonl lines. */
    public static final String EVIDENCE = "evidence.jsonl";

    /** One chain as recorded when the bundle started: the actor, its last seq and the last event's hash. */
    public record Chain(long actorId, long length, String head) {
    }

    /** One file of the bundle: name, size in bytes and lower-case hex SHA-256 of its bytes. */
    public record FileEntry(String name, long bytes, String sha256) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public List<ChainHeadRef> heads() {
        return chains.stream().map(c -> new ChainHeadRef(new ChainId(projectId, c.actorId()), c.length(), c.head())).toList();
    }

    /** The exposure rules this bundle's labels were tagged by, from its format (null for an unknown format). */
    public ExposureRules rules() {
        return FORMAT.equals(format) ? ExposureRules.V2 : FORMAT_1.equals(format) ? ExposureRules.V1 : null;
    }

    public FileEntry file(String name) {
        return files == null ? null : files.stream().filter(f -> name.equals(f.name())).findFirst().orElse(null);
    }

    public byte[] toBytes() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses manifest bytes; throws IOException when they are not a manifest. */
    public static BundleManifest parse(byte[] bytes) throws IOException {
        BundleManifest m = JSON.readValue(bytes, BundleManifest.class);
        if (m.format() == null || m.chains() == null || m.files() == null || m.exposureThresholds() == null) {
            throw new IOException("format, chains, files and exposureThresholds are required");
        }
        return m;
    }
}
