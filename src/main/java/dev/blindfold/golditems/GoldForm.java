package dev.blindfold.golditems;

import dev.blindfold.identity.CurrentUser;
import dev.blindfold.identity.Roles;
import dev.blindfold.project.GoldSettings;
import dev.blindfold.project.ProjectChange;
import dev.blindfold.project.ProjectService;
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

/**
 * Label ops run a project's gold items from its overview, as the API does: mark an item gold with its known answer
 * (or make it regular again with a blank answer; both refused once anyone has been handed the item), and set the gold
 * rate and the qualification. Each form answers with the overview again.
 */
@Path("/projects/{id}/gold")
public class GoldForm {

    private final GoldMarks marks;
    private final ProjectService projects;
    private final CurrentUser me;

    GoldForm(GoldMarks marks, ProjectService projects, CurrentUser me) {
        this.marks = marks;
        this.projects = projects;
        this.me = me;
    }

    @POST
    @Path("/items")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response mark(@PathParam("id") long projectId, @FormParam("externalId") String externalId,
                         @FormParam("answer") String answer) {
        if (externalId == null || externalId.isBlank()) {
            throw ProblemException.badRequest("invalid-gold-item", "externalId is required: the item to mark.");
        }
        if (answer == null || answer.isBlank()) {
            marks.unmark(projectId, externalId.strip(), me.id());
        } else {
            marks.mark(projectId, externalId.strip(), answer, me.id());
        }
        return overview(projectId);
    }

    @POST
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response settings(@PathParam("id") long projectId, @FormParam("goldRate") String goldRate,
                             @FormParam("qualificationItems") String qualificationItems,
                             @FormParam("qualificationAccuracy") String qualificationAccuracy) {
        projects.change(projectId, ProjectChange.gold(new GoldSettings(share(goldRate, "goldRate"),
                whole(qualificationItems), share(qualificationAccuracy, "qualificationAccuracy"))), me.id());
        return overview(projectId);
    }

    private static Response overview(long projectId) {
        return Response.seeOther(URI.create("/projects/" + projectId + "/overview")).build();
    }

    private static Double share(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-project", name + " must be a number from 0 to 1.");
        }
    }

    private static Integer whole(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-project", "qualificationItems must be a whole number from 0"
                    + " (no qualification) to 1000.");
        }
    }
}
