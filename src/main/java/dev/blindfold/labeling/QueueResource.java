package dev.blindfold.labeling;

import dev.blindfold.identity.CurrentUser;
import dev.blindfold.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/projects/{id}/next}: the annotator's next item, without any of its drafts. */
@Path("/api/projects/{id}/next")
public class QueueResource {

    private final LabelingService labeling;
    private final CurrentUser me;

    QueueResource(LabelingService labeling, CurrentUser me) {
        this.labeling = labeling;
        this.me = me;
    }

    @GET
    @RolesAllowed(Roles.ANNOTATOR)
    public Response next(@PathParam("id") long projectId) {
        return DeadlockRetry.run(() -> labeling.showNext(projectId, me.id()))
                .map(next -> Response.ok(next).build())
                .orElseGet(() -> Response.noContent().build());
    }
}
