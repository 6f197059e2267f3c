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

    @GET
    @Path("/gold")
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public List<AgreementService.GoldRow> gold(@PathParam("id") long projectId, @QueryParam("source") String source) {
        return agreement.gold(projectId, source);
    }
}
