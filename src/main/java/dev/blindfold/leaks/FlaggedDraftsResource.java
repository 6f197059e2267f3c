package dev.blindfold.leaks;

import dev.blindfold.identity.Roles;
import dev.blindfold.web.QueryNumbers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A project's flagged drafts for label ops, a page at a time ({@code after}: the last draft id seen; {@code limit}: 1
 * to 200, 50 unless asked). Redact and drop are {@link DraftsResource}.
 */
@Path("/api/projects/{id}/drafts/flagged")
@Produces(MediaType.APPLICATION_JSON)
public class FlaggedDraftsResource {

    private final FlaggedDrafts flagged;

    FlaggedDraftsResource(FlaggedDrafts flagged) {
        this.flagged = flagged;
    }

    @GET
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public FlaggedDrafts.Page list(@PathParam("id") long projectId, @QueryParam("after") String after,
                                   @QueryParam("limit") String limit) {
        return flagged.page(projectId, after(after),
                (int) QueryNumbers.whole("limit", limit, 1, FlaggedDrafts.MAX_LIMIT, FlaggedDrafts.PAGE));
    }

    /** The draft id a page starts after: 0 (the first page) when absent. */
    static long after(String value) {
        return QueryNumbers.whole("after", value, 0, Long.MAX_VALUE, 0);
    }

}
