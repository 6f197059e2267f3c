package dev.blindfold.identity;

import dev.blindfold.identity.ApiTokenService.CreatedToken;
import dev.blindfold.identity.ApiTokenService.TokenView;
import dev.blindfold.web.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * The page where anyone signed in creates and revokes their personal API tokens. A request authenticated by an API
 * token is refused (403) here, as on POST /api/tokens: otherwise a leaked token could mint a successor through the
 * form that outlives its revocation.
 */
@Path("/tokens")
@Produces(MediaType.TEXT_HTML)
public class TokensPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tokens(List<TokenView> tokens, boolean revoked);

        static native TemplateInstance created(CreatedToken token);
    }

    private final ApiTokenService tokens;
    private final CurrentUser me;
    private final SecurityIdentity identity;

    TokensPage(ApiTokenService tokens, CurrentUser me, SecurityIdentity identity) {
        this.tokens = tokens;
        this.me = me;
        this.identity = identity;
    }

    /** The same rule as {@link TokenResource#create}. */
    private void notByToken() {
        if (identity.getAttribute(ApiTokenIdentityProvider.TOKEN_ID) != null) {
            throw new ProblemException(403, "token-cannot-create-token", "Forbidden",
                    "An API token cannot use the API tokens page; sign in with your password.");
        }
    }

    @GET
    @RolesAllowed({Roles.ANNOTATOR, Roles.OPS, Roles.AUDITOR, Roles.ADMIN, Roles.REVIEWER})
    public TemplateInstance tokens(@QueryParam("revoked") boolean revoked) {
        notByToken();
        return Templates.tokens(tokens.list(me.id()), revoked);
    }

    /**
     * Answers with the page that shows the secret instead of redirecting (the one exception to
     * post/redirect/get): the secret must not travel in a URL or wait in a cookie or server memory
     * for the redirected GET. {@code no-store} keeps it out of caches and history snapshots.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.ANNOTATOR, Roles.OPS, Roles.AUDITOR, Roles.ADMIN, Roles.REVIEWER})
    public Response create(@FormParam("name") String name) {
        notByToken();
        CreatedToken created = tokens.create(me.id(), name);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(Templates.created(created)).cacheControl(noStore).build();
    }

    @POST
    @Path("/{tokenId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.ANNOTATOR, Roles.OPS, Roles.AUDITOR, Roles.ADMIN, Roles.REVIEWER})
    public Response revoke(@PathParam("tokenId") long tokenId) {
        notByToken();
        tokens.revoke(me.id(), tokenId);
        return Response.seeOther(URI.create("/tokens?revoked=true")).build();
    }
}
