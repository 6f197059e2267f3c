package dev.blindfold.audit;

import dev.blindfold.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** The anchoring report of a project as JSON; the printable page is {@link AuditReportPage}. */
@Path("/api/projects/{id}/audit")
public class AuditReportResource {

    private final AuditReportService reports;

    AuditReportResource(AuditReportService reports) {
        this.reports = reports;
    }

    /** The report; {@code verify=now} verifies the log in full whatever its size ({@link AuditReportService}). */
    @GET
    @Path("/report")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public AuditReport report(@PathParam("id") long projectId, @QueryParam("verify") String verify) {
        return reports.of(projectId, verify);
    }
}
