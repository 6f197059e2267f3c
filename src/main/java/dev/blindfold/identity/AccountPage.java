package dev.blindfold.identity;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Every signed-in user's own account page: change your password (the current one checked under the sign-in throttle,
 * as {@link MeResource} does). Every session of the account ends, this one too, so the answer is the sign-in page.
 */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ANNOTATOR, Roles.OPS, Roles.AUDITOR, Roles.ADMIN, Roles.REVIEWER})
public class AccountPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account();
    }

    private final AccountService accounts;
    private final CurrentUser me;

    AccountPage(AccountService accounts, CurrentUser me) {
        this.accounts = accounts;
        this.me = me;
    }

    @GET
    public TemplateInstance account() {
        return Templates.account();
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response password(@FormParam("currentPassword") String current, @FormParam("newPassword") String next,
                             @Context HttpServerRequest request) {
        accounts.changePassword(me.name(), current, next, ClientAddress.of(request));
        return Response.seeOther(URI.create("/login?signedout=true")).build();
    }
}
