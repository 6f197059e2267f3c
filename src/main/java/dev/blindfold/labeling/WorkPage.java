package dev.blindfold.labeling;

import dev.blindfold.identity.CurrentUser;
import dev.blindfold.identity.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The annotator's pages: go to the next item, and the item page itself. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class WorkPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance item(ItemPageView page);
    }

    private final ItemPageService pages;
    private final CurrentUser me;

    WorkPage(ItemPageService pages, CurrentUser me) {
        this.pages = pages;
        this.me = me;
    }

    @GET
    @Path("projects/{id}/next")
    @RolesAllowed(Roles.ANNOTATOR)
    public Response next(@PathParam("id") long projectId) {
        return DeadlockRetry.run(() -> pages.nextAssignment(projectId, me.id()))
                .map(aid -> Response.seeOther(URI.create("/assignments/" + aid)))
                .orElseGet(() -> Response.seeOther(URI.create("/?finished=" + projectId)))
                .build();
    }

    @GET
    @Path("assignments/{aid}")
    @RolesAllowed(Roles.ANNOTATOR)
    public TemplateInstance item(@PathParam("aid") long assignmentId) {
        return Templates.item(pages.open(assignmentId, me.id()));
    }
}
