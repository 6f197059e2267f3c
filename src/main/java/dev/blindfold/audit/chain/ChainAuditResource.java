package dev.blindfold.audit.chain;

import dev.blindfold.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import dev.blindfold.web.ProblemException;

/** Verification of a project's provenance log as the database holds it. */
@Path("/api/projects/{id}/audit")
public class ChainAuditResource {

    private final ChainAudit audit;
    private final ReadModelCheck readModels;

    ChainAuditResource(ChainAudit audit, ReadModelCheck readModels) {
        this.audit = audit;
        this.readModels = readModels;
    }

    /**
     * Every chain of the project against its recorded head, plus the committed-assignment cross-check; with
     * {@code readModels=true}, also whether the read models the views read agree with the log ({@link ReadModelCheck}:
     * reclassifies every label, as slow as an export). Another value is a 400 {@code invalid-read-models}.
     */
    @GET
    @Path("/verify")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public ChainAudit.Verification verify(@PathParam("id") long projectId, @QueryParam("readModels") String checkReadModels) {
        boolean check = wanted(checkReadModels);
        ChainAudit.Verification verification = audit.verify(projectId);
        return check ? verification.with(readModels.check(projectId)) : verification;
    }

    private static boolean wanted(String value) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.badRequest("invalid-read-models", "readModels must be 'true' or 'false'.");
    }
}
