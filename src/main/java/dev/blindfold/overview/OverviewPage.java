package dev.blindfold.overview;

import dev.blindfold.identity.Roles;
import dev.blindfold.project.GuidelinesVersions;
import dev.blindfold.web.FormValues;
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
        static native TemplateInstance project(ProjectOverview.Overview overview, String added, String removed,
                                               Integer released, List<GuidelinesVersions.Version> versions,
                                               String guidelines);
    }

    private final ProjectOverview overview;
    private final GuidelinesVersions guidelines;

    OverviewPage(ProjectOverview overview, GuidelinesVersions guidelines) {
        this.overview = overview;
        this.guidelines = guidelines;
    }

    /**
     * What the forms that redirect here say: {@code added} and {@code removed} a member (and how many assignments the
     * removal {@code released}), {@code guidelines} "saved" or "unchanged".
     */
    @GET
    @RolesAllowed({Roles.OPS, Roles.AUDITOR, Roles.ADMIN})
    public TemplateInstance project(@PathParam("id") long projectId, @QueryParam("added") String added,
                                    @QueryParam("removed") String removed, @QueryParam("released") String released,
                                    @QueryParam("guidelines") String saved) {
        ProjectOverview.Overview project = overview.of(projectId);
        return Templates.project(project, added, removed, FormValues.whole("invalid-query", "released", released),
                guidelines.of(projectId), saved);
    }
}
