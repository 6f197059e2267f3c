package dev.blindfold.labeling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.identity.CurrentUser;
import dev.blindfold.identity.Roles;
import dev.blindfold.labeling.FinalDecisions.FinalRequest;
import dev.blindfold.labeling.LabelingService.Revealed;
import dev.blindfold.provenance.Event;
import dev.blindfold.provenance.EventLog;
import dev.blindfold.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The blind loop over HTTP for one assignment. Annotators reach only their own (B7). */
@Path("/api/assignments/{aid}")
public class AssignmentResource {

    public record BlindRequest(String answer) {
    }

    public record SkipRequest(String reason) {
    }

    public record EventView(long seq, String type, Instant serverTime, Instant clientTime, boolean clientClaimed,
                            long actorId, JsonNode data, String prevHash, String hash) {
    }

    private final LabelingService labeling;
    private final FinalDecisions finals;
    private final ClientEvents clientEvents;
    private final EventLog log;
    private final CurrentUser me;
    private final ObjectMapper json;

    AssignmentResource(LabelingService labeling, FinalDecisions finals, ClientEvents clientEvents, EventLog log,
                       CurrentUser me, ObjectMapper json) {
        this.labeling = labeling;
        this.finals = finals;
        this.clientEvents = clientEvents;
        this.log = log;
        this.me = me;
        this.json = json;
    }

    @POST
    @Path("/blind")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ANNOTATOR)
    public Map<String, Object> commit(@PathParam("aid") long aid, @NotNull BlindRequest body) {
        // The project's counts are locked last in a commit and before the chain head in a next: one annotator's next
        // and commit at once (two tabs) can deadlock, and the victim, wholly rolled back, runs again.
        BlindAnswer blind = DeadlockRetry.run(() -> labeling.commit(aid, me.id(), body.answer()));
        return Map.of("assignmentId", aid, "committedAt", blind.committedAt);
    }

    @GET
    @Path("/drafts")
    @RolesAllowed(Roles.ANNOTATOR)
    public List<Revealed> drafts(@PathParam("aid") long aid) {
        return labeling.reveal(aid, me.id());
    }

    @POST
    @Path("/final")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ANNOTATOR)
    public Map<String, Object> finish(@PathParam("aid") long aid, @NotNull FinalRequest body) {
        FinalAnswer fin = finals.finish(aid, me.id(), body);
        Map<String, Object> saved = new LinkedHashMap<>(
                Map.of("assignmentId", aid, "decision", fin.decision, "answer", fin.answer, "savedAt", fin.savedAt));
        if (fin.preferredSlot != null) {
            saved.put("preferredSlot", fin.preferredSlot);
        }
        return saved;
    }

    @POST
    @Path("/skip")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ANNOTATOR)
    public Map<String, Object> skip(@PathParam("aid") long aid, @NotNull SkipRequest body) {
        labeling.skip(aid, me.id(), body.reason());
        return Map.of("assignmentId", aid, "status", AssignmentStatus.SKIPPED);
    }

    @POST
    @Path("/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ANNOTATOR)
    public Response report(@PathParam("aid") long aid, @NotNull List<ClientEvents.Reported> batch) {
        int accepted = clientEvents.accept(aid, me.id(), batch);
        return Response.accepted(Map.of("accepted", accepted)).build();
    }

    @GET
    @Path("/events")
    @RolesAllowed({Roles.AUDITOR, Roles.OPS, Roles.ADMIN})
    public List<EventView> events(@PathParam("aid") long aid) {
        if (Assignment.findById(aid) == null) {
            throw ProblemException.notFound("Assignment " + aid);
        }
        return log.forAssignment(aid).stream().map(this::view).toList();
    }

    private EventView view(Event e) {
        try {
            return new EventView(e.seq(), e.type().name(), e.serverTime(), e.clientTime(), e.clientClaimed(),
                    e.actorId(), json.readTree(e.payload()), e.prevHash(), e.hash());
        } catch (java.io.IOException ex) {
            throw new IllegalStateException("stored payload is not JSON", ex);
        }
    }
}
