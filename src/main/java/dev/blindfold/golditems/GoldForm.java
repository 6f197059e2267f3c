package dev.blindfold.golditems;

import dev.blindfold.identity.CurrentUser;
import dev.blindfold.identity.Roles;
import dev.blindfold.project.GoldSettings;
import dev.blindfold.project.ProjectChange;
import dev.blindfold.project.ProjectService;
import dev.blindfold.web.FormValues;
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

    private static final String INVALID = "invalid-project";

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
        projects.change(projectId, ProjectChange.gold(new GoldSettings(
                FormValues.decimal(INVALID, "goldRate", goldRate),
                FormValues.whole(INVALID, "qualificationItems", qualificationItems),
                FormValues.decimal(INVALID, "qualificationAccuracy", qualificationAccuracy))), me.id());
        return overview(projectId);
    }

    private static Response overview(long projectId) {
        return Response.seeOther(URI.create("/projects/" + projectId + "/overview")).build();
    }
}
