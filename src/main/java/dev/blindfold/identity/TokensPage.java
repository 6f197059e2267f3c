package dev.blindfold.identity;

import dev.blindfold.identity.ApiTokenService.CreatedToken;
import dev.blindfold.identity.ApiTokenService.TokenView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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

/** The page where anyone signed in creates and revokes their personal API tokens. */
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

    TokensPage(ApiTokenService tokens, CurrentUser me) {
        this.tokens = tokens;
        this.me = me;
    }

    @GET
    @RolesAllowed({Roles.ANNOTATOR, Roles.OPS, Roles.AUDITOR, Roles.ADMIN})
    public TemplateInstance tokens(@QueryParam("revoked") boolean revoked) {
        return Templates.tokens(tokens.list(me.id()), revoked);
    }

    /**
     * Answers with the page that shows the secret instead of redirecting (the one exception to
     * post/redirect/get): the secret must not travel in a URL or wait in a cookie or server memory
     * for the redirected GET. {@code no-store} keeps it out of caches and history snapshots.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.ANNOTATOR, Roles.OPS, Roles.AUDITOR, Roles.ADMIN})
    public Response create(@FormParam("name") String name) {
        CreatedToken created = tokens.create(me.id(), name);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(Templates.created(created)).cacheControl(noStore).build();
    }

    @POST
    @Path("/{tokenId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.ANNOTATOR, Roles.OPS, Roles.AUDITOR, Roles.ADMIN})
    public Response revoke(@PathParam("tokenId") long tokenId) {
        tokens.revoke(me.id(), tokenId);
        return Response.seeOther(URI.create("/tokens?revoked=true")).build();
    }
}
