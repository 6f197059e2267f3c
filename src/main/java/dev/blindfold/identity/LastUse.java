package dev.blindfold.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;

/**
 * When an API token or a session was last used, kept to a coarse {@link #STEP}: authenticating a request only reads,
 * and writes the time (in a short transaction of its own) only when the stored one is more than a step behind. So a
 * script or page sending many requests a minute costs one write a minute, not one a request; the token page and the
 * session idle timeout are off by at most a step.
 */
final class LastUse {

    /** How far behind a request the stored last use may be before it is rewritten. */
    static final Duration STEP = Duration.ofMinutes(1);

    private LastUse() {
    }

    /** Whether a request at {@code now} moves a last use recorded at {@code recorded} (null: never used). */
    static boolean moved(Instant recorded, Instant now) {
        return recorded == null || recorded.isBefore(now.minus(STEP));
    }

    /**
     * Sets {@code entity.field} of row {@code id} to {@code now} in a new transaction, unless a concurrent request
     * (on any node) already moved it within the step.
     */
    static void record(EntityManager em, String entity, String field, long id, Instant now) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update " + entity + " e set e." + field + " = :now"
                        + " where e.id = :id and (e." + field + " is null or e." + field + " < :cutoff)")
                .setParameter("now", now).setParameter("id", id).setParameter("cutoff", now.minus(STEP)).executeUpdate());
    }
}
