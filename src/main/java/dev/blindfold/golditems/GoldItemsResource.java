package dev.blindfold.golditems;

import dev.blindfold.identity.CurrentUser;
import dev.blindfold.identity.Roles;
import dev.blindfold.project.KnownAnswers;
import dev.blindfold.project.ProjectService;
import dev.blindfold.web.QueryNumbers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * Label ops mark an item gold with its known answer, change it, or make it regular again (refused once anyone has
 * been handed the item; each change is an event in their chain, {@link GoldMarks}); ops and auditors read each
 * annotator's accuracy on gold, a page of annotators at a time.
 */
@Path("/api/projects/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class GoldItemsResource {

    /** The known answer of a gold item, checked as a blind answer of the project's task type. */
    public record KnownAnswer(String answer) {
    }

    private final ProjectService projects;
    private final GoldMarks marks;
    private final KnownAnswers known;
    private final GoldAccuracy accuracy;
    private final CurrentUser me;

    GoldItemsResource(ProjectService projects, GoldMarks marks, KnownAnswers known, GoldAccuracy accuracy,
                      CurrentUser me) {
        this.projects = projects;
        this.marks = marks;
        this.known = known;
        this.accuracy = accuracy;
        this.me = me;
    }

    @PUT
    @Path("/items/{externalId}/gold")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Map<String, Object> mark(@PathParam("id") long id, @PathParam("externalId") String externalId,
                                    @NotNull KnownAnswer body) {
        marks.mark(id, externalId, body.answer(), me.id());
        return Map.of("projectId", id, "externalId", externalId, "gold", true, "answer", body.answer());
    }

    @DELETE
    @Path("/items/{externalId}/gold")
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Map<String, Object> unmark(@PathParam("id") long id, @PathParam("externalId") String externalId) {
        boolean was = marks.unmark(id, externalId, me.id());
        return Map.of("projectId", id, "externalId", externalId, "gold", false, "wasGold", was);
    }

    @GET
    @Path("/gold-accuracy")
    @RolesAllowed({Roles.OPS, Roles.AUDITOR, Roles.ADMIN})
    public GoldAccuracy.Page accuracy(@PathParam("id") long id, @QueryParam("after") String afterParam,
                                      @QueryParam("limit") String limitParam) {
        long after = QueryNumbers.whole("after", afterParam, 0, Long.MAX_VALUE, 0);
        int limit = (int) QueryNumbers.whole("limit", limitParam, 1, GoldAccuracy.MAX_PAGE, 100);
        projects.find(id);
        List<GoldAccuracy.Row> rows = accuracy.rows(id, after, limit);
        Long next = rows.size() == limit ? rows.get(rows.size() - 1).annotatorId() : null;
        return new GoldAccuracy.Page(id, known.count(id), rows, next);
    }
}
