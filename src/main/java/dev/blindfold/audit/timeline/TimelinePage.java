package dev.blindfold.audit.timeline;

import dev.blindfold.identity.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** An auditor opens any label and sees what its annotator saw, and when. */
@Path("/audit/assignments/{aid}")
@Produces(MediaType.TEXT_HTML)
public class TimelinePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance timeline(Timeline t);
    }

    private final TimelineService timelines;

    TimelinePage(TimelineService timelines) {
        this.timelines = timelines;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public TemplateInstance timeline(@PathParam("aid") long aid) {
        return Templates.timeline(timelines.of(aid));
    }
}
