package dev.blindfold.identity;

import dev.blindfold.web.UrlEncoding;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * The admin's users page: every account with its roles and state; create one with roles, change its roles,
 * deactivate or reactivate it (a deactivated account's sessions and tokens are refused from its next request), reset
 * its password. The same rules as {@link UserResource}, through {@link UserService}; each form posts and redirects
 * back with what was done.
 */
@Path("/users")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class UsersPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(List<UserResource.UserView> users, List<String> roles, String done);
    }

    private final UserService users;

    UsersPage(UserService users) {
        this.users = users;
    }

    @GET
    public TemplateInstance users(@QueryParam("done") String done) {
        return Templates.users(users.list().stream().map(UserResource.UserView::of).toList(), Roles.ALL, done);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("username") String username, @FormParam("password") String password,
                           @FormParam("roles") List<String> roles) {
        User user = users.create(username, password, roles == null ? List.of() : roles);
        return back("created " + user.username);
    }

    @POST
    @Path("/{userId}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response roles(@PathParam("userId") long userId, @FormParam("roles") List<String> roles) {
        User user = users.update(userId, roles == null ? List.of() : roles, null);
        return back("changed the roles of " + user.username);
    }

    @POST
    @Path("/{userId}/active")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response active(@PathParam("userId") long userId, @FormParam("active") boolean active) {
        User user = users.update(userId, null, active);
        return back((active ? "reactivated " : "deactivated ") + user.username);
    }

    @POST
    @Path("/{userId}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response password(@PathParam("userId") long userId, @FormParam("password") String password) {
        users.resetPassword(userId, password);
        return back("reset a password");
    }

    private static Response back(String done) {
        return Response.seeOther(URI.create("/users?done=" + UrlEncoding.urlEncoded(done))).build();
    }
}
