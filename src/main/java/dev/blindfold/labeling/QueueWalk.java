package dev.blindfold.labeling;

import dev.blindfold.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds an item with an open place that the annotator has not had, walking {@code items_queue_ix}
 * (project, has_open_place, queue_rank) upward from a start rank in [0, 1), then from 0 up to the start. Each page
 * is an index range of open items; the items the annotator had among them, or whose blind answers they were shown
 * as a reviewer (B7), are found by one probe each of {@code assignments_item_uq} and {@code review_views}; the first other one whose row lock shows a place still open is taken. A page is
 * {@value #PAGE} items: usually the first item is taken. The walk passes over the open items the annotator already
 * has, so its cost grows only at a project's end, when most open items are ones this annotator has had and is
 * waiting for others on.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class QueueWalk {

    static final int PAGE = 16;

    /** An item whose row is locked by this transaction, with the places it had taken. */
    record Place(long itemId, int taken) {
    }

    private final EntityManager em;

    QueueWalk(EntityManager em) {
        this.em = em;
    }

    /**
     * Where an annotator's walk for their assignment at {@code position} starts: a point of [0, 1) drawn from their
     * seed and the position (SplitMix64), so their order is random, theirs alone, and the same if asked again.
     */
    static double start(int seed, int position) {
        long z = ((long) seed << 32 | (position & 0xffffffffL)) + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }

    Optional<Place> take(Project project, long annotatorId, double start) {
        Optional<Place> place = walk(project, annotatorId, start, 2, true);
        return place.isPresent() ? place : walk(project, annotatorId, -1, start, false);
    }

    /** Open items with queue_rank in [from, to) ({@code inclusive}) or (from, to), lowest rank first. */
    private Optional<Place> walk(Project project, long annotatorId, double from, double to, boolean inclusive) {
        double after = from;
        boolean first = inclusive;
        while (true) {
            List<Object[]> page = page(project.id, after, first, to);
            first = false;
            if (page.isEmpty()) {
                return Optional.empty();
            }
            Set<Long> had = had(annotatorId, page);
            for (Object[] row : page) {
                long itemId = ((Number) row[0]).longValue();
                if (!had.contains(itemId)) {
                    Optional<Place> place = lock(itemId, project.overlap);
                    if (place.isPresent()) {
                        return place;
                    }
                }
            }
            after = ((Number) page.get(page.size() - 1)[1]).doubleValue();
        }
    }

    /**
     * Ordered by all of items_queue_ix's columns, not queue_rank alone: the same order, since the first two are fixed,
     * but H2 reads a page off the index only when told so; with parameters it sorted every open item of the project.
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> page(long projectId, double after, boolean inclusive, double to) {
        String bound = inclusive ? "queue_rank >= ?2" : "queue_rank > ?2";
        return em.createNativeQuery("SELECT id, queue_rank FROM items WHERE project_id = ?1 AND has_open_place = TRUE"
                        + " AND " + bound + " AND queue_rank < ?3 ORDER BY project_id, has_open_place, queue_rank")
                .setParameter(1, projectId).setParameter(2, after).setParameter(3, to)
                .setMaxResults(PAGE).getResultList();
    }

    @SuppressWarnings("unchecked")
    private Set<Long> had(long annotatorId, List<Object[]> page) {
        List<Long> ids = page.stream().map(r -> ((Number) r[0]).longValue()).toList();
        List<Number> had = em.createNativeQuery("SELECT item_id FROM assignments WHERE annotator_id = ?1 AND item_id IN (?2)"
                        + " UNION ALL SELECT item_id FROM review_views WHERE reviewer_id = ?1 AND item_id IN (?2)")
                .setParameter(1, annotatorId).setParameter(2, ids).getResultList();
        Set<Long> out = new HashSet<>();
        had.forEach(n -> out.add(n.longValue()));
        return out;
    }

    /**
     * Locks the item's row if a place is still open once any other taker has committed; an item found full is not
     * locked (the condition is checked again after the wait), so a walk holds the lock of the one item it takes and no
     * other, and two walks cannot each hold an item the other waits for.
     */
    @SuppressWarnings("unchecked")
    private Optional<Place> lock(long itemId, int overlap) {
        List<Number> taken = em.createNativeQuery("SELECT places_taken FROM items WHERE id = ?1 AND places_taken < ?2"
                + " FOR UPDATE").setParameter(1, itemId).setParameter(2, overlap).getResultList();
        return taken.stream().findFirst().map(n -> new Place(itemId, n.intValue()));
    }
}
