package dev.blindfold.overview;

import dev.blindfold.identity.CurrentUser;
import dev.blindfold.identity.Roles;
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
 * Label ops edit a project's guidelines from its overview, as {@code PATCH /api/projects/{id}} {guidelines} does: a
 * changed text is a new guidelines version, labels committed from then on are written under; then back to the
 * overview's guidelines section, which says whether a version was added.
 */
@Path("/projects/{id}/guidelines")
public class GuidelinesForm {

    private final ProjectService projects;
    private final CurrentUser me;

    GuidelinesForm(ProjectService projects, CurrentUser me) {
        this.projects = projects;
        this.me = me;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response save(@PathParam("id") long projectId, @FormParam("guidelines") String guidelines) {
        boolean changed = projects.editGuidelines(projectId, FormValues.text(guidelines), me.id());
        return Response.seeOther(URI.create("/projects/" + projectId + "/overview?guidelines="
                + (changed ? "saved" : "unchanged") + "#guidelines")).build();
    }
}
