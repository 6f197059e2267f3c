package dev.blindfold.labeling;

import dev.blindfold.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Finds an item with an open place that the annotator has not had, walking {@code items_queue_ix}
 * (project, has_open_place, queue_rank) upward from a start rank in [0, 1), then from 0 up to the start. Each page
 * is an index range of open items; the items the annotator had among them are found by one probe of
 * {@code assignments_item_uq}; the first other one whose row lock shows a place still open is taken. A page is
 * {@value #PAGE} items: usually the first item is taken. The walk passes over the open items the annotator already
 * has, so its cost grows only at a project's end, when most open items are ones this annotator has had and is
 * waiting for others on.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class QueueWalk {

    static final int PAGE = 16;

    /**
     * An item whose row is locked by this transaction, with the places it had taken; or a gold item ({@code gold}),
     * which has no overlap limit and is not locked.
     */
    record Place(long itemId, int taken, boolean gold) {
        Place(long itemId, int taken) {
            this(itemId, taken, false);
        }

        static Place gold(long itemId) {
            return new Place(itemId, 0, true);
        }
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
        Pages open = (after, inclusive, to) -> page(project.id, after, inclusive, to);
        LongFunction<Optional<Place>> claim = itemId -> lock(itemId, project.overlap);
        Optional<Place> place = walk(open, claim, annotatorId, start, 2, true);
        return place.isPresent() ? place : walk(open, claim, annotatorId, -1, start, false);
    }

    /**
     * A gold item ({@code gold_items}) the annotator has not had, walking {@code gold_items_walk_ix} the same way from
     * {@code start}. A gold item has no overlap limit; its row is locked only to see that it is still gold (label ops
     * may have made it regular since the page was read). Reads no known answer.
     */
    Optional<Place> takeGold(long projectId, long annotatorId, double start) {
        Pages gold = (after, inclusive, to) -> goldPage(projectId, after, inclusive, to);
        LongFunction<Optional<Place>> claim = this::lockGold;
        Optional<Place> place = walk(gold, claim, annotatorId, start, 2, true);
        return place.isPresent() ? place : walk(gold, claim, annotatorId, -1, start, false);
    }

    /** A page of (item id, rank) rows with rank in [after, to) ({@code inclusive}) or (after, to), lowest first. */
    private interface Pages {
        List<Object[]> after(double after, boolean inclusive, double to);
    }

    /** Items with rank in [from, to) ({@code inclusive}) or (from, to), lowest rank first: the first one claimed. */
    private Optional<Place> walk(Pages pages, LongFunction<Optional<Place>> claim, long annotatorId, double from,
                                 double to, boolean inclusive) {
        double after = from;
        boolean first = inclusive;
        while (true) {
            List<Object[]> page = pages.after(after, first, to);
            first = false;
            if (page.isEmpty()) {
                return Optional.empty();
            }
            Set<Long> had = had(annotatorId, page);
            for (Object[] row : page) {
                long itemId = ((Number) row[0]).longValue();
                if (!had.contains(itemId)) {
                    Optional<Place> place = claim.apply(itemId);
                    if (place.isPresent()) {
                        return place;
                    }
                }
            }
            after = ((Number) page.get(page.size() - 1)[1]).doubleValue();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> goldPage(long projectId, double after, boolean inclusive, double to) {
        String bound = inclusive ? "walk_rank >= ?2" : "walk_rank > ?2";
        return em.createNativeQuery("SELECT item_id, walk_rank FROM gold_items WHERE project_id = ?1 AND " + bound
                        + " AND walk_rank < ?3 ORDER BY project_id, walk_rank")
                .setParameter(1, projectId).setParameter(2, after).setParameter(3, to)
                .setMaxResults(PAGE).getResultList();
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
        List<Number> had = em.createNativeQuery("SELECT item_id FROM assignments WHERE annotator_id = ?1 AND item_id IN (?2)")
                .setParameter(1, annotatorId).setParameter(2, ids).getResultList();
        Set<Long> out = new HashSet<>();
        had.forEach(n -> out.add(n.longValue()));
        return out;
    }

    /**
     * Locks the item's row if a place is still open (and it is no gold item, which is never in the regular walk) once
     * any other taker has committed; an item found full is not
     * locked (the condition is checked again after the wait), so a walk holds the lock of the one item it takes and no
     * other, and two walks cannot each hold an item the other waits for.
     */
    @SuppressWarnings("unchecked")
    private Optional<Place> lock(long itemId, int overlap) {
        List<Number> taken = em.createNativeQuery("SELECT places_taken FROM items WHERE id = ?1 AND places_taken < ?2"
                + " AND has_open_place = TRUE FOR UPDATE").setParameter(1, itemId).setParameter(2, overlap).getResultList();
        return taken.stream().findFirst().map(n -> new Place(itemId, n.intValue()));
    }

    /**
     * Locks a gold item's row if it is still out of the regular walk once any other transaction on it has committed:
     * made gold (by label ops, before anyone had it) after a regular walk read it, it fails the regular {@link #lock};
     * made regular again after a gold walk read it, it fails this one. Either way the row is read again after the wait.
     */
    private Optional<Place> lockGold(long itemId) {
        boolean gold = !em.createNativeQuery("SELECT id FROM items WHERE id = ?1 AND has_open_place = FALSE FOR UPDATE")
                .setParameter(1, itemId).getResultList().isEmpty();
        return gold ? Optional.of(Place.gold(itemId)) : Optional.empty();
    }
}
