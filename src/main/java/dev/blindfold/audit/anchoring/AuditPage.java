package dev.blindfold.audit.anchoring;

import dev.blindfold.identity.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The project audit page: anchoring per annotator, weekly drift with charts, and flagged labels. */
@Path("/projects/{id}/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance project(AnchoringService.ProjectAnchoring audit, DriftCharts charts);
    }

    private final AnchoringService anchoring;

    AuditPage(AnchoringService anchoring) {
        this.anchoring = anchoring;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public TemplateInstance project(@PathParam("id") long projectId) {
        AnchoringService.ProjectAnchoring audit = anchoring.report(projectId);
        return Templates.project(audit, DriftCharts.of(audit.report().drift()));
    }
}
