package dev.blindfold.overview;

import dev.blindfold.identity.Roles;
import dev.blindfold.project.ProjectService;
import dev.blindfold.project.ProjectStatus;
import dev.blindfold.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Label ops pause, resume or close a project from its overview (as {@code PATCH /api/projects/{id}} does). */
@Path("/projects/{id}/status")
public class ProjectStatusForm {

    private final ProjectService projects;

    ProjectStatusForm(ProjectService projects) {
        this.projects = projects;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response change(@PathParam("id") long projectId, @FormParam("status") String status) {
        ProjectStatus next;
        try {
            next = ProjectStatus.valueOf(status == null ? "" : status.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-project", "status must be one of ACTIVE, PAUSED, CLOSED.");
        }
        projects.changeStatus(projectId, next);
        return Response.seeOther(URI.create("/projects/" + projectId + "/overview")).build();
    }
}
