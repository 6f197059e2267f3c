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

/** The manifest of an export: filters, rows written, kept labels per exposure class, SHA-256 of the payload. */
@Path("/api/exports/{exportId}")
public class ManifestResource {

    /**
     * What an export sent; {@code completedAt}, {@code rows} and {@code sha256} are null until it finishes.
     * {@code rows} counts what was written (labels, TRL pairs, or items for per-item formats);
     * {@code labelsByExposure} counts the kept labels those rows were built from.
     */
    public record Manifest(String exportId, long projectId, String format, JsonNode filters, long createdBy,
                           Instant createdAt, Instant completedAt, Long rows, JsonNode labelsByExposure, String sha256) {
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
        return new Manifest(r.id, r.projectId, r.format, json.readTree(r.filters), r.createdBy, r.createdAt,
                r.completedAt, r.rowCount, r.classCounts == null ? null : json.readTree(r.classCounts), r.sha256);
    }
}
