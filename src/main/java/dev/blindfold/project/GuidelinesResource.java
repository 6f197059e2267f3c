package dev.blindfold.project;

import dev.blindfold.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/**
 * Every version of a project's guidelines, newest first, for staff: which text a label's {@code guidelines_version}
 * names. Edits go through {@code PATCH /api/projects/{id}}.
 */
@Path("/api/projects/{id}/guidelines")
public class GuidelinesResource {

    private final ProjectService projects;
    private final GuidelinesVersions versions;

    GuidelinesResource(ProjectService projects, GuidelinesVersions versions) {
        this.projects = projects;
        this.versions = versions;
    }

    /** All of them in one answer: a project has a few versions, not thousands, so there is no paging. */
    @GET
    @RolesAllowed({Roles.OPS, Roles.AUDITOR, Roles.ADMIN})
    public List<GuidelinesVersions.Version> list(@PathParam("id") long projectId) {
        projects.find(projectId);
        return versions.of(projectId);
    }
}
