package dev.blindfold.audit.timeline;

import dev.blindfold.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The timeline of one label as JSON, for auditors' scripts: summary, milestones and every event. */
@Path("/api/assignments/{aid}/timeline")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    private final TimelineService timelines;

    TimelineResource(TimelineService timelines) {
        this.timelines = timelines;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public Timeline timeline(@PathParam("aid") long aid) {
        return timelines.of(aid);
    }
}
