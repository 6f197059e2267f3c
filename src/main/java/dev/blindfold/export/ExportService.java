package dev.blindfold.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.web.BlindfoldConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Streams a project's labels as JSONL in constant memory per annotator, and records the export's
 * manifest: filters, rows per exposure class, SHA-256 of the bytes sent.
 */
@ApplicationScoped
public class ExportService {

    static final int TIMEOUT_SECONDS = 3600;

    private final LabelReader labels;
    private final ObjectMapper json;
    private final BlindfoldConfig config;

    ExportService(LabelReader labels, ObjectMapper json, BlindfoldConfig config) {
        this.labels = labels;
        this.json = json;
        this.config = config;
    }

    /** Records the request and returns the export id that every row will carry. */
    public String start(long projectId, String format, ExportFilter filter, long userId) {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            ExportRecord record = new ExportRecord();
            record.id = id;
            record.projectId = projectId;
            record.format = format;
            record.filters = write(filter.describe());
            record.createdBy = userId;
            record.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            record.persist();
        });
        return id;
    }

    public void writeJsonl(String exportId, long projectId, ExportFilter filter, Long annotatorId, OutputStream out) {
        MessageDigest sha = sha256();
        Map<String, Long> counts = new TreeMap<>();
        Pseudonyms pseudonyms = new Pseudonyms(config.export().pseudonymKey(), projectId);
        try (DigestOutputStream digest = new DigestOutputStream(out, sha);
             JsonGenerator gen = json.getFactory().createGenerator(digest)
                     .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            gen.setRootValueSeparator(null);
            QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> labels.forEach(projectId, annotatorId, pl -> {
                if (filter.keeps(pl.label())) {
                    writeRow(gen, JsonlRows.row(exportId, projectId, pseudonyms.of(pl.annotatorId()), pl));
                    counts.merge(pl.label().exposure().wireName(), 1L, Long::sum);
                }
            }));
            gen.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finish(exportId, counts, HexFormat.of().formatHex(sha.digest()));
    }

    private void writeRow(JsonGenerator gen, Map<String, Object> row) {
        try {
            json.writeValue(gen, row);
            gen.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void finish(String exportId, Map<String, Long> counts, String sha) {
        QuarkusTransaction.requiringNew().run(() -> {
            ExportRecord record = ExportRecord.findById(exportId);
            record.completedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            record.rowCount = counts.values().stream().mapToLong(Long::longValue).sum();
            record.classCounts = write(counts);
            record.sha256 = sha;
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
