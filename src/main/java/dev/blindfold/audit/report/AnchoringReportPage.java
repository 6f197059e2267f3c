package dev.blindfold.audit.report;

import dev.blindfold.identity.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The anchoring report as a page an auditor can print (the print stylesheet drops the navigation). */
@Path("/projects/{id}/audit/report")
@Produces(MediaType.TEXT_HTML)
public class AnchoringReportPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(AnchoringReport report);
    }

    private final AnchoringReportService reports;

    AnchoringReportPage(AnchoringReportService reports) {
        this.reports = reports;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public TemplateInstance report(@PathParam("id") long projectId, @QueryParam("verify") String verify) {
        return Templates.report(reports.of(projectId, verify));
    }
}
