package dev.blindfold.identity;

import dev.blindfold.identity.ApiTokenService.CreatedToken;
import dev.blindfold.identity.ApiTokenService.TokenView;
import dev.blindfold.web.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Your own personal API tokens, for scripts: list, create (the secret is in this one response), revoke. */
@Path("/api/tokens")
public class TokenResource {

    public record NewToken(String name) {
    }

    private final ApiTokenService tokens;
    private final CurrentUser me;
    private final SecurityIdentity identity;

    TokenResource(ApiTokenService tokens, CurrentUser me, SecurityIdentity identity) {
        this.tokens = tokens;
        this.me = me;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.ANNOTATOR, Roles.OPS, Roles.AUDITOR, Roles.ADMIN, Roles.REVIEWER})
    public List<TokenView> list() {
        return tokens.list(me.id());
    }

    /**
     * A token cannot create tokens: otherwise a leaked token could mint a successor that outlives
     * its revocation. Create them signed in (the page) or with your password (Basic).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANNOTATOR, Roles.OPS, Roles.AUDITOR, Roles.ADMIN, Roles.REVIEWER})
    public Response create(@NotNull NewToken body) {
        if (identity.getAttribute(ApiTokenIdentityProvider.TOKEN_ID) != null) {
            throw new ProblemException(403, "token-cannot-create-token", "Forbidden",
                    "An API token cannot create tokens; use your password or the /tokens page.");
        }
        CreatedToken created = tokens.create(me.id(), body.name());
        return Response.status(201).entity(created).build();
    }

    @DELETE
    @Path("/{tokenId}")
    @RolesAllowed({Roles.ANNOTATOR, Roles.OPS, Roles.AUDITOR, Roles.ADMIN, Roles.REVIEWER})
    public Response revoke(@PathParam("tokenId") long tokenId) {
        tokens.revoke(me.id(), tokenId);
        return Response.noContent().build();
    }
}
