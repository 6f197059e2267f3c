package dev.blindfold.labeling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blindfold.project.Project;
import dev.blindfold.provenance.EventLog;
import dev.blindfold.provenance.EventLog.NewEvent;
import dev.blindfold.provenance.chain.EventType;
import dev.blindfold.web.BlindfoldConfig;
import dev.blindfold.web.ProblemException;
import dev.blindfold.web.UnicodeText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Takes a batch of events the page reports (paste, focus, keystrokes, ...). They are stored as
 * client claims: the server's time is authoritative, the client's time is kept beside it (B4).
 * A batch is checked whole before anything is written; a finished (FINAL or SKIPPED) assignment takes none, nor one
 * whose reservation ran out. Events on an unanswered assignment are the annotator at work: its reservation starts
 * again from now.
 */
@ApplicationScoped
@Transactional
public class ClientEvents {

    /** One reported event; {@code clientTime} is ISO-8601 text or epoch milliseconds. */
    public record Reported(String type, JsonNode clientTime, JsonNode data) {
    }

    /**
     * A client's clock is only a claim, but a claim the log can store, hash and print: years 1 to 9999, which both
     * databases keep and the canonical form writes with four digits (Java parses years up to 1,000,000,000).
     */
    static final Instant EARLIEST_CLIENT_TIME = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST_CLIENT_TIME = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** Page events carry a few counts; this bounds what one event adds to the log. */
    static final int MAX_DATA_CHARS = 10_000;

    private final LabelingService labeling;
    private final EventLog log;
    private final BlindfoldConfig config;

    ClientEvents(LabelingService labeling, EventLog log, BlindfoldConfig config) {
        this.labeling = labeling;
        this.log = log;
        this.config = config;
    }

    public int accept(long assignmentId, long annotatorId, List<Reported> batch) {
        if (batch == null || batch.isEmpty()) {
            throw ProblemException.badRequest("invalid-events", "Send a non-empty JSON array of events.");
        }
        if (batch.size() > config.events().maxBatch()) {
            throw ProblemException.badRequest("invalid-events", "At most " + config.events().maxBatch() + " events a batch.");
        }
        Assignment a = labeling.owned(assignmentId, annotatorId);
        List<NewEvent> checked = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            checked.add(check(a, i, batch.get(i)));
        }
        LabelingService.requireOpen(a);
        if (a.status == AssignmentStatus.ASSIGNED) {
            Reservations.requireReserved(a);
            Reservations.reserve(a, Project.findById(a.projectId));
        }
        log.append(checked);
        return checked.size();
    }

    private static NewEvent check(Assignment a, int index, Reported r) {
        String at = "events[" + index + "]";
        if (r == null || r.type() == null) {
            throw ProblemException.badRequest("invalid-events", at + ".type is required.");
        }
        EventType type;
        try {
            type = EventType.valueOf(r.type());
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null || !type.clientReported()) {
            throw ProblemException.badRequest("invalid-events",
                    at + ".type '" + r.type() + "' is not a client event; allowed: " + EventType.CLIENT + ".");
        }
        JsonNode data = r.data() == null || r.data().isNull() ? null : r.data();
        if (data != null && !data.isObject()) {
            throw ProblemException.badRequest("invalid-events", at + ".data must be a JSON object.");
        }
        String malformed = UnicodeText.findIn(data, at + ".data");
        if (malformed != null) {
            throw ProblemException.badRequest("invalid-events", malformed + " " + UnicodeText.NOT_UNICODE + ".");
        }
        if (data != null && data.toString().length() > MAX_DATA_CHARS) {
            throw ProblemException.badRequest("invalid-events",
                    at + ".data is longer than " + MAX_DATA_CHARS + " characters of JSON; page events carry counts, not text.");
        }
        if (type == EventType.PASTE) {
            requireCount(data, "chars", at);
        } else if (type == EventType.KEYSTROKES) {
            requireCount(data, "count", at);
        }
        Object payload = data == null ? Map.of() : data;
        return new NewEvent(a.projectId, a.annotatorId, a.id, type, clientTime(r.clientTime(), at), payload);
    }

    private static void requireCount(JsonNode data, String field, String at) {
        JsonNode n = data == null ? null : data.get(field);
        if (n == null || !n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < 0) {
            throw ProblemException.badRequest("invalid-events", at + ".data." + field + " must be a whole number ≥ 0.");
        }
    }

    private static Instant clientTime(JsonNode t, String at) {
        if (t == null || t.isNull()) {
            return null;
        }
        Instant time = null;
        try {
            if (t.isIntegralNumber() && t.canConvertToLong()) {
                time = Instant.ofEpochMilli(t.asLong());
            } else if (t.isTextual()) {
                time = Instant.parse(t.asText());
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            // fall through to the error below
        }
        if (time == null) {
            throw ProblemException.badRequest("invalid-events",
                    at + ".clientTime must be ISO-8601 text or epoch milliseconds.");
        }
        if (time.isBefore(EARLIEST_CLIENT_TIME) || time.isAfter(LATEST_CLIENT_TIME)) {
            throw ProblemException.badRequest("invalid-events", at + ".clientTime must lie between "
                    + EARLIEST_CLIENT_TIME + " and " + LATEST_CLIENT_TIME + " (a four-digit year).");
        }
        return time;
    }
}
