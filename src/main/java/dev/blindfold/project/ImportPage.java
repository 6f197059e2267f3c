package dev.blindfold.project;

import dev.blindfold.identity.Roles;
import dev.blindfold.web.BlindfoldConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The label-ops page that imports an item file into a project. The page only picks the file; its
 * script uploads it to {@code POST /api/projects/{id}/items} with a progress bar, so the browser
 * streams the file as the API streams it in, and shows the counts or the problem.
 */
@Path("/projects/{id}/import")
@Produces(MediaType.TEXT_HTML)
public class ImportPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Project project, long maxBytes, String maxSize);
    }

    private static final long MIB = 1024 * 1024;

    private final ProjectService projects;
    private final long maxBytes;

    ImportPage(ProjectService projects, BlindfoldConfig config) {
        this.projects = projects;
        this.maxBytes = config.imports().maxSize().asLongValue();
    }

    @GET
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public TemplateInstance page(@PathParam("id") long projectId) {
        return Templates.page(projects.find(projectId), maxBytes, readable(maxBytes));
    }

    /** "1 GiB", "200 MiB": the limit as the page states it. */
    static String readable(long bytes) {
        return bytes % (1024 * MIB) == 0 ? bytes / (1024 * MIB) + " GiB" : Math.max(1, bytes / MIB) + " MiB";
    }
}
