package dev.blindfold.audit;

import dev.blindfold.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The anchoring report of a project as JSON; the printable page is {@link AuditReportPage}. */
@Path("/api/projects/{id}/audit")
public class AuditReportResource {

    private final AuditReportService reports;

    AuditReportResource(AuditReportService reports) {
        this.reports = reports;
    }

    @GET
    @Path("/report")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public AuditReport report(@PathParam("id") long projectId) {
        return reports.of(projectId);
    }
}
