package dev.blindfold.identity;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** The signed-in user's own account. */
@Path("/api/me")
public class MeResource {

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    private final AccountService accounts;
    private final CurrentUser me;

    MeResource(AccountService accounts, CurrentUser me) {
        this.accounts = accounts;
        this.me = me;
    }

    /** Changes your password (the current one is checked, under the sign-in throttle); every session of yours ends. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/password")
    @RolesAllowed({Roles.ANNOTATOR, Roles.OPS, Roles.AUDITOR, Roles.ADMIN, Roles.REVIEWER})
    public Response changePassword(@NotNull PasswordChange body, @Context HttpServerRequest request) {
        accounts.changePassword(me.name(), body.currentPassword(), body.newPassword(), ClientAddress.of(request));
        return Response.noContent().build();
    }
}
