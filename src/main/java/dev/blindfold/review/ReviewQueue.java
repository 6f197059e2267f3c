package dev.blindfold.review;

import dev.blindfold.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hands a reviewer an item to adjudicate: the one they hold in the project (taken, reservation running, or committed
 * and not final), else the oldest waiting item whose time has come that they hold no assignment on (B7), walked a
 * page of {@value #PAGE} at a time down adjudications_queue_ix and taken under its row lock, so two reviewers never
 * get the same item. A taken item is reserved for the project's reservation time; once that runs out without a
 * commit, the item is back in the queue for anyone (its {@code available_at} is the reservation's end).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class ReviewQueue {

    static final int PAGE = 16;

    private final EntityManager em;

    ReviewQueue(EntityManager em) {
        this.em = em;
    }

    /** The reviewer's item in the project, locked, or a newly taken one; empty when the queue has nothing for them. */
    Optional<Adjudication> next(Project project, long reviewerId) {
        Instant now = now();
        Optional<Adjudication> held = em.createQuery("from Adjudication a where a.reviewerId = :u and a.projectId = :p"
                        + " and (a.status = :c or a.status = :w and a.availableAt > :now)", Adjudication.class)
                .setParameter("u", reviewerId).setParameter("p", project.id).setParameter("c", AdjudicationStatus.COMMITTED)
                .setParameter("w", AdjudicationStatus.WAITING).setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(1).getResultStream().findFirst();
        if (held.isPresent()) {
            return held;
        }
        Instant after = Instant.EPOCH;
        boolean first = true;
        while (true) {
            List<Object[]> page = page(project.id, after, first, now);
            first = false;
            if (page.isEmpty()) {
                return Optional.empty();
            }
            Set<Long> own = assigned(reviewerId, page);
            for (Object[] row : page) {
                long itemId = ((Number) row[0]).longValue();
                if (!own.contains(itemId)) {
                    Adjudication a = em.find(Adjudication.class, itemId, LockModeType.PESSIMISTIC_WRITE);
                    if (a.status == AdjudicationStatus.WAITING && !a.availableAt.isAfter(now)) {
                        take(a, project, reviewerId, now);
                        return Optional.of(a);
                    }
                }
            }
            after = instant(page.get(page.size() - 1)[1]);
        }
    }

    private static void take(Adjudication a, Project project, long reviewerId, Instant now) {
        if (a.reviewerId == null || a.reviewerId != reviewerId) {
            a.answerOrder = null;
        }
        a.reviewerId = reviewerId;
        reserve(a, project, now);
    }

    /** A taken or resumed item is the reviewer's for the project's reservation time from now. */
    static void reserve(Adjudication a, Project project, Instant now) {
        a.availableAt = now.plusSeconds(project.reservationSeconds);
    }

    /** Waiting items whose time has come, oldest first, after {@code after} (from it when {@code inclusive}). */
    @SuppressWarnings("unchecked")
    private List<Object[]> page(long projectId, Instant after, boolean inclusive, Instant now) {
        String bound = inclusive ? "available_at >= ?2" : "available_at > ?2";
        return em.createNativeQuery("SELECT item_id, available_at FROM adjudications WHERE project_id = ?1"
                        + " AND status = 'WAITING' AND " + bound + " AND available_at <= ?3"
                        + " ORDER BY project_id, status, available_at")
                .setParameter(1, projectId).setParameter(2, after).setParameter(3, now)
                .setMaxResults(PAGE).getResultList();
    }

    /** The items of the page the reviewer holds an assignment on: one probe of assignments_item_uq. */
    @SuppressWarnings("unchecked")
    private Set<Long> assigned(long reviewerId, List<Object[]> page) {
        List<Long> ids = page.stream().map(r -> ((Number) r[0]).longValue()).toList();
        List<Number> had = em.createNativeQuery("SELECT item_id FROM assignments WHERE annotator_id = ?1 AND item_id IN (?2)")
                .setParameter(1, reviewerId).setParameter(2, ids).getResultList();
        Set<Long> out = new HashSet<>();
        had.forEach(n -> out.add(n.longValue()));
        return out;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
