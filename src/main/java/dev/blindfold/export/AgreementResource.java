package dev.blindfold.export;

import dev.blindfold.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** Agreement blind vs final, and gold per item, of one project. */
@Path("/api/projects/{id}")
public class AgreementResource {

    private final AgreementService agreement;

    AgreementResource(AgreementService agreement) {
        this.agreement = agreement;
    }

    @GET
    @Path("/agreement")
    @RolesAllowed({Roles.OPS, Roles.AUDITOR, Roles.ADMIN})
    public AgreementService.Agreement agreement(@PathParam("id") long projectId) {
        return agreement.agreement(projectId);
    }

    /**
     * One {@link GoldRow} per item. {@code source=blind|final} (default blind);
     * {@code method=majority|dawid-skene} (default majority; dawid-skene for CATEGORICAL projects only,
     * else a 400 {@code invalid-method}, as is an unknown method).
     */
    @GET
    @Path("/gold")
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public List<GoldRow> gold(@PathParam("id") long projectId, @QueryParam("source") String source,
                              @QueryParam("method") String method) {
        return agreement.gold(projectId, source, method);
    }
}
