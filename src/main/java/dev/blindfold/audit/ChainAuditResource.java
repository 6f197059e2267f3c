package dev.blindfold.audit;

import dev.blindfold.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Verification of a project's provenance log as the database holds it. */
@Path("/api/projects/{id}/audit")
public class ChainAuditResource {

    private final ChainAudit audit;

    ChainAuditResource(ChainAudit audit) {
        this.audit = audit;
    }

    /** Every chain of the project against its recorded head, plus the committed-assignment cross-check. */
    @GET
    @Path("/verify")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public ChainAudit.Verification verify(@PathParam("id") long projectId) {
        return audit.verify(projectId);
    }
}
