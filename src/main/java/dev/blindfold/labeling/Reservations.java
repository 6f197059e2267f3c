package dev.blindfold.labeling;

import dev.blindfold.project.Project;
import dev.blindfold.project.QueueCounts;
import dev.blindfold.provenance.EventLog;
import dev.blindfold.provenance.EventLog.NewEvent;
import dev.blindfold.provenance.chain.EventType;
import dev.blindfold.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long an assignment without a blind answer keeps its item's place, and giving the place back. The deadline is
 * the assignment's {@code reserved_until}, set when it is handed out and moved on while the annotator works on it
 * (the item shown again, events from its page); every check reads it under the assignment's row lock, so two nodes
 * agree on what is due and only one of them releases it. A release is logged as {@code RELEASED} in the annotator's
 * chain and frees the place as a skip does; a committed assignment is never released.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Reservations {

    /** Why an assignment gave its place back, as the RELEASED event says it. */
    public enum Reason {
        RESERVATION_EXPIRED("reservation-expired"),
        MEMBER_REMOVED("member-removed");

        final String wireName;

        Reason(String wireName) {
            this.wireName = wireName;
        }
    }

    private final QueueCounts counts;
    private final EventLog log;

    Reservations(QueueCounts counts, EventLog log) {
        this.counts = counts;
        this.log = log;
    }

    /** A new or resumed reservation: from now, for the project's reservation time. */
    static void reserve(Assignment a, Project project) {
        a.reservedUntil = now().plusSeconds(project.reservationSeconds);
    }

    /** Whether the assignment, locked by the caller, is unanswered and past its deadline. */
    static boolean due(Assignment a) {
        return a.status == AssignmentStatus.ASSIGNED && a.reservedUntil != null && now().isAfter(a.reservedUntil);
    }

    /**
     * Refuses a request on an assignment whose reservation has run out (released or due): the annotator is told so and
     * sent on. A due one is left for the sweep or their next {@code next} to release, since this request rolls back.
     */
    static void requireReserved(Assignment a) {
        if (a.status == AssignmentStatus.RELEASED || due(a)) {
            throw expired(a);
        }
    }

    static ProblemException expired(Assignment a) {
        return ProblemException.conflict("reservation-expired", "Your reservation of this item ran out"
                + (a.reservedUntil == null ? "" : " at " + a.reservedUntil) + " before a blind answer was committed;"
                + " its place went back to the pool. Go on to your next item.");
    }

    /** Gives back the place of an ASSIGNED assignment the caller has locked, and logs why. */
    public void release(Assignment a, Reason reason, Map<String, Object> details) {
        if (a.status != AssignmentStatus.ASSIGNED) {
            throw new IllegalStateException("only an unanswered assignment is released, not a " + a.status + " one");
        }
        a.status = AssignmentStatus.RELEASED;
        counts.placeFreed(a.projectId, a.itemId, Project.<Project>findById(a.projectId).overlap);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reason", reason.wireName);
        if (a.reservedUntil != null) {
            payload.put("reservedUntil", a.reservedUntil.toString());
        }
        payload.putAll(details);
        log.append(new NewEvent(a.projectId, a.annotatorId, a.id, EventType.RELEASED, null, payload));
    }

    /** Releases the assignment, locked by the caller, if its reservation has run out; whether it did. */
    public boolean releaseIfDue(Assignment a) {
        if (!due(a)) {
            return false;
        }
        release(a, Reason.RESERVATION_EXPIRED, Map.of());
        return true;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
