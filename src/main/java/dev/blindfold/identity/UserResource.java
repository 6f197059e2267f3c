package dev.blindfold.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/**
 * Accounts, for admins: create, list, change roles or deactivate, reset a password. Changing roles, active or the
 * password ends every session of that user at once.
 */
@Path("/api/users")
@RolesAllowed(Roles.ADMIN)
public class UserResource {

    public record NewUser(@NotNull String username, @NotNull String password, @NotNull List<String> roles) {
    }

    /** A change: either field may be left out. */
    public record UserChange(List<String> roles, Boolean active) {
    }

    public record NewPassword(@NotNull String password) {
    }

    /** {@code roles} as stored; an account stored with annotator beside another role acts without annotator. */
    public record UserView(long id, String username, List<String> roles, boolean active, Instant createdAt) {
        static UserView of(User u) {
            return new UserView(u.id, u.username, u.roleList(), u.active, u.createdAt);
        }
    }

    private final UserService users;

    UserResource(UserService users) {
        this.users = users;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull NewUser body) {
        User user = users.create(body.username(), body.password(), body.roles());
        return Response.status(201).entity(UserView.of(user)).build();
    }

    @GET
    public List<UserView> list() {
        return users.list().stream().map(UserView::of).toList();
    }

    @PATCH
    @Path("/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView change(@PathParam("userId") long userId, @NotNull UserChange body) {
        return UserView.of(users.update(userId, body.roles(), body.active()));
    }

    @POST
    @Path("/{userId}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resetPassword(@PathParam("userId") long userId, @Valid @NotNull NewPassword body) {
        users.resetPassword(userId, body.password());
        return Response.noContent().build();
    }
}
