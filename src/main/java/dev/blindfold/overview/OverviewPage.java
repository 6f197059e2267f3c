package dev.blindfold.overview;

import dev.blindfold.identity.Roles;
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

/** The label-ops page of a project: progress, exposure counts, agreement blind vs final, exports. */
@Path("/projects/{id}/overview")
@Produces(MediaType.TEXT_HTML)
public class OverviewPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance project(ProjectOverview.Overview overview, String added, String removed,
                                               Integer released);
    }

    private final ProjectOverview overview;

    OverviewPage(ProjectOverview overview) {
        this.overview = overview;
    }

    @GET
    @RolesAllowed({Roles.OPS, Roles.AUDITOR, Roles.ADMIN})
    public TemplateInstance project(@PathParam("id") long projectId, @QueryParam("added") String added,
                                    @QueryParam("removed") String removed, @QueryParam("released") String released) {
        return Templates.project(overview.of(projectId), added, removed, FormValues.whole("invalid-query", "released", released));
    }
}
