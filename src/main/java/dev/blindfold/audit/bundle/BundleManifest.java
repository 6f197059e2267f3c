package dev.blindfold.audit.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.blindfold.exposure.ExposureThresholds;
import dev.blindfold.provenance.chain.ChainHeadRef;
import dev.blindfold.provenance.chain.ChainId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code manifest.json} of an audit bundle (format {@value #FORMAT}): what the bundle holds and the facts a
 * verifier checks it against: each chain's recorded head, each file's size and SHA-256, the exposure thresholds
 * the labels were tagged with, and the public key that signed it, if any. Plain Java and Jackson: the offline
 * verifier reads it with the same record the server writes it with.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleManifest(String format, long projectId, String projectName, String createdAt, String exporter,
                             String labelsExportId, ExposureThresholds exposureThresholds, List<Chain> chains,
                             List<FileEntry> files, String signingKey) {

    public static final String FORMAT = "blindfold-audit-bundle/1";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String EVENTS = "events.jsonl";
    public static final String LABELS = "labels.jsonl";

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
