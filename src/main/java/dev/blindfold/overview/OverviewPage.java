package dev.blindfold.overview;

import dev.blindfold.identity.Roles;
import dev.blindfold.project.GuidelinesVersions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The label-ops page of a project: progress, exposure counts, agreement blind vs final, guidelines, exports. */
@Path("/projects/{id}/overview")
@Produces(MediaType.TEXT_HTML)
public class OverviewPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance project(ProjectOverview.Overview overview, String added,
                                               List<GuidelinesVersions.Version> versions, String guidelines);
    }

    private final ProjectOverview overview;
    private final GuidelinesVersions guidelines;

    OverviewPage(ProjectOverview overview, GuidelinesVersions guidelines) {
        this.overview = overview;
        this.guidelines = guidelines;
    }

    /** {@code guidelines}: "saved" or "unchanged" after the guidelines form, which redirects here. */
    @GET
    @RolesAllowed({Roles.OPS, Roles.AUDITOR, Roles.ADMIN})
    public TemplateInstance project(@PathParam("id") long projectId, @QueryParam("added") String added,
                                    @QueryParam("guidelines") String saved) {
        ProjectOverview.Overview project = overview.of(projectId);
        return Templates.project(project, added, guidelines.of(projectId), saved);
    }
}
