package dev.blindfold.audit.timeline;

import dev.blindfold.identity.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Every label of a project, paged, each linking to its timeline; filtered by annotator on request. */
@Path("/projects/{id}/audit/labels")
@Produces(MediaType.TEXT_HTML)
public class AuditLabelsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance labels(AuditLabels.Page labels);
    }

    private final AuditLabels labels;

    AuditLabelsPage(AuditLabels labels) {
        this.labels = labels;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public TemplateInstance labels(@PathParam("id") long projectId, @QueryParam("annotator") String annotator,
                                   @QueryParam("page") @DefaultValue("1") int page) {
        return Templates.labels(labels.page(projectId, annotator, page));
    }
}
