package dev.blindfold.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.identity.Roles;
import dev.blindfold.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.io.IOException;
import java.time.Instant;

/**
 * The manifest of an export: filters, its status, and once complete, rows written, kept labels per exposure class and
 * SHA-256 of the payload; once failed, when and why.
 */
@Path("/api/exports/{exportId}")
public class ManifestResource {

    /**
     * What an export sent. {@code status} is {@code streaming}, {@code complete} or {@code failed}.
     * {@code completedAt}, {@code rows}, {@code labelsByExposure} and {@code sha256} are set only for a complete
     * export: {@code rows} counts what was written (labels, TRL pairs, or items for per-item formats),
     * {@code labelsByExposure} the kept labels those rows were built from. A failed export has {@code failure}, why it
     * stopped, and {@code failedAt} (null for an export the server stopped serving without recording its end).
     */
    public record Manifest(String exportId, long projectId, String format, String status, JsonNode filters,
                           long createdBy, Instant createdAt, Instant completedAt, Long rows, JsonNode labelsByExposure,
                           String sha256, Instant failedAt, String failure) {
    }

    private final ObjectMapper json;

    ManifestResource(ObjectMapper json) {
        this.json = json;
    }

    @GET
    @RolesAllowed({Roles.OPS, Roles.AUDITOR, Roles.ADMIN})
    public Manifest manifest(@PathParam("exportId") String exportId) throws IOException {
        ExportRecord r = ExportRecord.findById(exportId);
        if (r == null) {
            throw ProblemException.notFound("Export " + exportId);
        }
        ExportStatus status = ExportStatus.of(r.status, r.createdAt, Instant.now());
        boolean complete = status == ExportStatus.COMPLETE;
        String failure = status != ExportStatus.FAILED ? null : r.failure != null ? r.failure : ExportStatus.ABANDONED;
        return new Manifest(r.id, r.projectId, r.format, status.wireName(), json.readTree(r.filters), r.createdBy,
                r.createdAt, complete ? r.completedAt : null, complete ? r.rowCount : null,
                complete && r.classCounts != null ? json.readTree(r.classCounts) : null, complete ? r.sha256 : null,
                r.failedAt, failure);
    }
}
