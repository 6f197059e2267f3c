package dev.blindfold.overview;

import dev.blindfold.identity.CurrentUser;
import dev.blindfold.identity.Roles;
import dev.blindfold.labeling.MemberRemoval;
import dev.blindfold.project.ProjectService;
import dev.blindfold.web.UrlEncoding;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Label ops add an annotator to a project from its overview page: the same rule as
 * {@code POST /api/projects/{id}/members} (an existing account with the annotator role; adding a member twice is
 * harmless), then back to the overview, which says who was added; and take one off ({@link MemberRemoval}).
 */
@Path("/projects/{id}/members")
public class MembersForm {

    private final ProjectService projects;
    private final MemberRemoval removal;
    private final CurrentUser me;

    MembersForm(ProjectService projects, MemberRemoval removal, CurrentUser me) {
        this.projects = projects;
        this.removal = removal;
        this.me = me;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response add(@PathParam("id") long projectId, @FormParam("username") String username) {
        projects.addMember(projectId, username);
        return Response.seeOther(URI.create("/projects/" + projectId + "/overview?added="
                + UrlEncoding.urlEncoded(username.strip()))).build();
    }

    /** Takes an annotator off the project ({@link MemberRemoval}); the overview then says what was released. */
    @POST
    @Path("/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response remove(@PathParam("id") long projectId, @FormParam("username") String username) {
        MemberRemoval.Removed removed = removal.remove(projectId, username, me.name());
        return Response.seeOther(URI.create("/projects/" + projectId + "/overview?removed="
                + UrlEncoding.urlEncoded(username.strip()) + "&released=" + removed.released())).build();
    }
}
