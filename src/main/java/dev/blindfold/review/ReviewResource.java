package dev.blindfold.review;

import dev.blindfold.identity.CurrentUser;
import dev.blindfold.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * Adjudication over HTTP, per project: a reviewer's next item (theirs until committed, or a new one), and the
 * project's adjudication rates for staff. The item's steps are {@link ReviewItemResource}.
 */
@Path("/api/projects/{id}")
public class ReviewResource {

    private final ReviewService reviews;
    private final AdjudicationCounts counts;
    private final CurrentUser me;

    ReviewResource(ReviewService reviews, AdjudicationCounts counts, CurrentUser me) {
        this.reviews = reviews;
        this.counts = counts;
        this.me = me;
    }

    /** The reviewer's item in the project, shown now; 204 when none is left for them. */
    @GET
    @Path("/review/next")
    @RolesAllowed(Roles.REVIEWER)
    public Response next(@PathParam("id") long projectId) {
        return reviews.next(projectId, me.id()).map(v -> Response.ok(v)).orElseGet(Response::noContent).build();
    }

    /** Items sent to review, adjudicated and open, from kept counts. */
    @GET
    @Path("/adjudications")
    @RolesAllowed({Roles.OPS, Roles.AUDITOR, Roles.ADMIN})
    public AdjudicationRates rates(@PathParam("id") long projectId) {
        return counts.rates(projectId);
    }
}
