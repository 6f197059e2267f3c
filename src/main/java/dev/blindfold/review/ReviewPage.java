package dev.blindfold.review;

import dev.blindfold.identity.CurrentUser;
import dev.blindfold.identity.Roles;
import dev.blindfold.labeling.LabelingService;
import dev.blindfold.project.Project;
import dev.blindfold.web.RichText;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * The reviewer's pages: the projects that send items to review, with what is open in each, and the review page of
 * their current item, whose forms commit (a shown answer by number, or their own), reveal and decide, each followed by
 * a redirect back to the review page (post/redirect/get).
 */
@Path("/review")
@Produces(MediaType.TEXT_HTML)
public class ReviewPage {

    /** A project on the reviewer's list. */
    public record ProjectRow(long projectId, String name, String taskType, AdjudicationRates rates) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance projects(List<ProjectRow> projects, String finished);

        static native TemplateInstance item(ReviewView review, String inputHtml, String guidelinesHtml,
                                            List<LabelingService.Revealed> drafts);
    }

    private final ReviewService reviews;
    private final AdjudicationSteps steps;
    private final AdjudicationCounts counts;
    private final CurrentUser me;

    ReviewPage(ReviewService reviews, AdjudicationSteps steps, AdjudicationCounts counts, CurrentUser me) {
        this.reviews = reviews;
        this.steps = steps;
        this.counts = counts;
        this.me = me;
    }

    @GET
    @RolesAllowed(Roles.REVIEWER)
    public TemplateInstance projects(@QueryParam("finished") Long finished) {
        List<Project> on = Project.list("adjudicationBelow > 0 order by id");
        List<ProjectRow> rows = on.stream().map(p -> new ProjectRow(p.id, p.name, p.taskType.name(),
                counts.rates(p.id))).toList();
        String finishedName = on.stream().filter(p -> finished != null && p.id == finished).map(p -> p.name)
                .findFirst().orElse(null);
        return Templates.projects(rows, finishedName);
    }

    @GET
    @Path("/projects/{id}")
    @RolesAllowed(Roles.REVIEWER)
    public Response item(@PathParam("id") long projectId) {
        return reviews.next(projectId, me.id()).map(v -> Response.ok(Templates.item(v, RichText.html(v.input()),
                        RichText.html(v.guidelines()), v.revealed() ? steps.reveal(v.itemId(), me.id()) : List.of())))
                .orElseGet(() -> Response.seeOther(URI.create("/review?finished=" + projectId))).build();
    }

    @POST
    @Path("/items/{itemId}/commit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.REVIEWER)
    public Response commit(@PathParam("itemId") long itemId, @FormParam("pick") String pick,
                           @FormParam("answer") String answer) {
        Integer slot = pick == null || pick.isEmpty() || "own".equals(pick) ? null : parseSlot(pick);
        String own = slot == null ? answer : null;
        return back(reviews.commit(itemId, me.id(), new ReviewService.CommitRequest(own, slot)));
    }

    @POST
    @Path("/items/{itemId}/reveal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.REVIEWER)
    public Response reveal(@PathParam("itemId") long itemId) {
        steps.reveal(itemId, me.id());
        return back(Adjudication.findById(itemId));
    }

    @POST
    @Path("/items/{itemId}/final")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.REVIEWER)
    public Response finish(@PathParam("itemId") long itemId, @FormParam("decision") String decision,
                           @FormParam("answer") String answer, @FormParam("acceptedSlot") String acceptedSlot) {
        return back(steps.finish(itemId, me.id(), new AdjudicationSteps.FinalRequest(decision, answer, acceptedSlot)));
    }

    private static Response back(Adjudication a) {
        return Response.seeOther(URI.create("/review/projects/" + a.projectId)).build();
    }

    private static Integer parseSlot(String pick) {
        try {
            return Integer.valueOf(pick);
        } catch (NumberFormatException e) {
            throw dev.blindfold.web.ProblemException.badRequest("invalid-adjudication",
                    "pick must be the number of a shown answer, or 'own'.");
        }
    }
}
