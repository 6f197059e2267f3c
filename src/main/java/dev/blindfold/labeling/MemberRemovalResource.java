package dev.blindfold.labeling;

import dev.blindfold.identity.CurrentUser;
import dev.blindfold.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;

/** {@code DELETE /api/projects/{id}/members/{username}}: label ops take an annotator off a project ({@link MemberRemoval}). */
@Path("/api/projects/{id}/members/{username}")
public class MemberRemovalResource {

    private final MemberRemoval removal;
    private final CurrentUser me;

    MemberRemovalResource(MemberRemoval removal, CurrentUser me) {
        this.removal = removal;
        this.me = me;
    }

    @DELETE
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Map<String, Object> remove(@PathParam("id") long projectId, @PathParam("username") String username) {
        MemberRemoval.Removed removed = removal.remove(projectId, username, me.name());
        return Map.of("projectId", projectId, "username", username, "removed", removed.wasMember(),
                "releasedAssignments", removed.released());
    }
}
