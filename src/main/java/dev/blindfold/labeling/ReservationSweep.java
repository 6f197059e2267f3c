package dev.blindfold.labeling;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Gives back the places of assignments whose reservation ran out and whose annotator has not come back. Runs on every
 * node ({@code blindfold.reservations.sweep-every}); the truth is the assignments' {@code reserved_until}, read under
 * each row's lock ({@link Reservations#releaseIfDue}), so two nodes sweeping at once release each assignment once and
 * a commit that got the lock first keeps its assignment. One short transaction per assignment; a batch at a time, the
 * oldest deadlines first, by the index {@code assignments_reserved_ix}.
 */
@ApplicationScoped
public class ReservationSweep {

    static final int BATCH = 200;
    /** A run stops after this many full batches; the next run goes on. */
    static final int MAX_BATCHES = 10;
    private static final Logger LOG = Logger.getLogger(ReservationSweep.class);

    private final Reservations reservations;
    private final EntityManager em;

    ReservationSweep(Reservations reservations, EntityManager em) {
        this.reservations = reservations;
        this.em = em;
    }

    @Scheduled(identity = "reservation-sweep", every = "${blindfold.reservations.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep();
    }

    /** Releases the assignments due now; how many it released. */
    public int sweep() {
        int released = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<Long> due = due(Instant.now());
            for (long id : due) {
                released += releaseOne(id) ? 1 : 0;
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        return released;
    }

    private List<Long> due(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select a.id from Assignment a"
                        + " where a.status = :status and a.reservedUntil < :now order by a.reservedUntil", Long.class)
                .setParameter("status", AssignmentStatus.ASSIGNED).setParameter("now", now)
                .setMaxResults(BATCH).getResultList());
    }

    private boolean releaseOne(long id) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Assignment a = em.find(Assignment.class, id, LockModeType.PESSIMISTIC_WRITE);
                return a != null && reservations.releaseIfDue(a);
            });
        } catch (RuntimeException e) {
            // Most likely a deadlock with the annotator's own request on the same item; the next run tries again.
            LOG.warnf("Releasing assignment %d failed; the next sweep tries again: %s", id, e.toString());
            return false;
        }
    }
}
