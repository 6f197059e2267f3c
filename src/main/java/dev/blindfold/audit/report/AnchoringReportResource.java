package dev.blindfold.audit.report;

import dev.blindfold.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** The anchoring report of a project as JSON; the printable page is {@link AnchoringReportPage}. */
@Path("/api/projects/{id}/audit")
public class AnchoringReportResource {

    private final AnchoringReportService reports;

    AnchoringReportResource(AnchoringReportService reports) {
        this.reports = reports;
    }

    /** The report; {@code verify=now} verifies the log in full whatever its size ({@link AnchoringReportService}). */
    @GET
    @Path("/report")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public AnchoringReport report(@PathParam("id") long projectId, @QueryParam("verify") String verify) {
        return reports.of(projectId, verify);
    }
}
