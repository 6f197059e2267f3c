package dev.blindfold.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * Records each export's manifest, each step in its own transaction (the export's own may be the one that failed):
 * the request ({@code streaming}), then either its completion (rows, labels per class, SHA-256) or its failure
 * (time and reason). See {@link ExportStatus}.
 */
@ApplicationScoped
class ExportManifests {

    private final ObjectMapper json;

    ExportManifests(ObjectMapper json) {
        this.json = json;
    }

    String start(long projectId, ExportFormat format, ExportFilter filter, long userId) {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            ExportRecord record = new ExportRecord();
            record.id = id;
            record.projectId = projectId;
            record.format = format.wireName();
            record.filters = write(filter.describe());
            record.createdBy = userId;
            record.createdAt = now();
            record.status = ExportStatus.STREAMING.wireName();
            record.persist();
        });
        return id;
    }

    void complete(String exportId, long rows, Map<String, Long> classes, String sha256) {
        QuarkusTransaction.requiringNew().run(() -> {
            ExportRecord record = ExportRecord.findById(exportId);
            record.status = ExportStatus.COMPLETE.wireName();
            record.completedAt = now();
            record.rowCount = rows;
            record.classCounts = write(classes);
            record.sha256 = sha256;
        });
    }

    void failed(String exportId, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            ExportRecord record = ExportRecord.findById(exportId);
            record.status = ExportStatus.FAILED.wireName();
            record.failedAt = now();
            record.failure = shortened(reason);
        });
    }

    /** At most {@link ExportRecord#MAX_FAILURE} characters, never cutting a surrogate pair in two. */
    static String shortened(String reason) {
        if (reason.length() <= ExportRecord.MAX_FAILURE) {
            return reason;
        }
        int end = ExportRecord.MAX_FAILURE - 1;
        if (Character.isHighSurrogate(reason.charAt(end - 1))) {
            end--;
        }
        return reason.substring(0, end) + "…";
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
