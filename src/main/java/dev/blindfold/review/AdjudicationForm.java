package dev.blindfold.review;

import dev.blindfold.identity.CurrentUser;
import dev.blindfold.identity.Roles;
import dev.blindfold.project.ProjectChange;
import dev.blindfold.project.ProjectService;
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

/**
 * Label ops set a project's adjudication threshold from its overview (as {@code PATCH /api/projects/{id}} with
 * {@code adjudicationBelow} does): a share from 0 to 1, blank or 0 turning it off.
 */
@Path("/projects/{id}/adjudication")
public class AdjudicationForm {

    private final ProjectService projects;
    private final CurrentUser me;

    AdjudicationForm(ProjectService projects, CurrentUser me) {
        this.projects = projects;
        this.me = me;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response change(@PathParam("id") long projectId, @FormParam("adjudicationBelow") String below) {
        Double share = FormValues.decimal("invalid-project", "adjudicationBelow", below);
        projects.change(projectId, ProjectChange.adjudicationBelow(share == null ? 0 : share), me.id());
        return Response.seeOther(URI.create("/projects/" + projectId + "/overview")).build();
    }
}
