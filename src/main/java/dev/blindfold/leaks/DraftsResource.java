package dev.blindfold.leaks;

import dev.blindfold.identity.CurrentUser;
import dev.blindfold.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Label ops redact a draft that names its model, or drop it ({@link DraftFixes}). */
@Path("/api/drafts/{draftId}")
@Produces(MediaType.APPLICATION_JSON)
public class DraftsResource {

    private final DraftFixes fixes;
    private final CurrentUser me;

    DraftsResource(DraftFixes fixes, CurrentUser me) {
        this.fixes = fixes;
        this.me = me;
    }

    @POST
    @Path("/redact")
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public DraftFixes.Redacted redact(@PathParam("draftId") long draftId) {
        return fixes.redact(draftId, me.id(), null);
    }

    @DELETE
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public DraftFixes.Dropped drop(@PathParam("draftId") long draftId) {
        return fixes.drop(draftId, me.id(), null);
    }
}
