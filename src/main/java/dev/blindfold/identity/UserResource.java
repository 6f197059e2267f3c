package dev.blindfold.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Admin-only user management for scripts. */
@Path("/api/users")
public class UserResource {

    public record NewUser(@NotNull String username, @NotNull String password, @NotNull List<String> roles) {
    }

    public record UserView(long id, String username, List<String> roles) {
    }

    private final UserService users;

    UserResource(UserService users) {
        this.users = users;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response create(@Valid @NotNull NewUser body) {
        User user = users.create(body.username(), body.password(), body.roles());
        return Response.status(201).entity(new UserView(user.id, user.username, user.roleList())).build();
    }
}
