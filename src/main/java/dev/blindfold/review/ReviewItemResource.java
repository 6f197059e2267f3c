package dev.blindfold.review;

import dev.blindfold.identity.CurrentUser;
import dev.blindfold.identity.Roles;
import dev.blindfold.labeling.LabelingService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reviewer's steps on the item they hold: commit, reveal, final decision. Any other item is "not found" (B7).
 */
@Path("/api/review/items/{itemId}")
public class ReviewItemResource {

    private final ReviewService reviews;
    private final AdjudicationSteps steps;
    private final CurrentUser me;

    ReviewItemResource(ReviewService reviews, AdjudicationSteps steps, CurrentUser me) {
        this.reviews = reviews;
        this.steps = steps;
        this.me = me;
    }

    @POST
    @Path("/commit")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    public Map<String, Object> commit(@PathParam("itemId") long itemId, @NotNull ReviewService.CommitRequest body) {
        return saved(reviews.commit(itemId, me.id(), body));
    }

    /** The item's drafts, after the commit. */
    @GET
    @Path("/drafts")
    @RolesAllowed(Roles.REVIEWER)
    public List<LabelingService.Revealed> drafts(@PathParam("itemId") long itemId) {
        return steps.reveal(itemId, me.id());
    }

    @POST
    @Path("/final")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    public Map<String, Object> finish(@PathParam("itemId") long itemId, @NotNull AdjudicationSteps.FinalRequest body) {
        return saved(steps.finish(itemId, me.id(), body));
    }

    private static Map<String, Object> saved(Adjudication a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("itemId", a.itemId);
        out.put("status", a.status.name());
        out.put("answer", a.answer);
        out.put("exposure", a.exposure);
        out.put("committedAt", a.committedAt);
        out.put("finishedAt", a.finishedAt);
        return out;
    }
}
