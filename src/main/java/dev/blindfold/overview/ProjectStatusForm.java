package dev.blindfold.overview;

import dev.blindfold.identity.Roles;
import dev.blindfold.project.ProjectService;
import dev.blindfold.project.ProjectStatus;
import dev.blindfold.web.FormValues;
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
        projects.changeStatus(projectId, FormValues.constant("invalid-project", ProjectStatus.class, "status", status));
        return Response.seeOther(URI.create("/projects/" + projectId + "/overview")).build();
    }
}
