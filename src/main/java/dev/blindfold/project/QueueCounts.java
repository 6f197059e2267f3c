package dev.blindfold.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The queue's kept counts, so that what is left of a project is read, never counted (V12): per project its items and
 * how many are full ({@code queue_counts}); per item its places taken and whether one is open; per member the finals
 * they saved and how many items they have had are full ({@code had_full}). A member's {@code had_full} changes when
 * someone else fills or reopens an item they had; that request writes a {@code queue_deltas} row instead of locking
 * the member's row (which the member's own {@code next} holds while it locks items), and the member's next
 * {@code next} folds the rows in. Every change runs in its caller's transaction, so counts and assignments commit
 * together; {@link #rebuild} recomputes them all from the assignments. A gold item ({@link KnownAnswers}) never
 * fills: it counts among the project's open items for every member, and is out of the regular walk.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class QueueCounts {

    /** "Item k of N": N is the items the member has had or can still get, skipped ones included. */
    public record Progress(long done, long assigned, long total) {
    }

    /** Gold items never fill: they are open to every annotator, whatever their places taken. */
    private static final String NOT_GOLD = "NOT EXISTS (SELECT 1 FROM gold_items g WHERE g.item_id = items.id)";

    private final EntityManager em;

    QueueCounts(EntityManager em) {
        this.em = em;
    }

    void projectCreated(long projectId) {
        em.flush();
        update("INSERT INTO queue_counts (project_id, items, full_items) VALUES (?1, 0, 0)", projectId);
    }

    /** Call last in an import's transaction: the project's row stays locked only until it commits. */
    void itemsAdded(long projectId, long count) {
        if (count > 0) {
            update("UPDATE queue_counts SET items = items + ?2 WHERE project_id = ?1", projectId, count);
        }
    }

    /**
     * Takes one place of an item whose row the caller has locked and which has an open place; {@code assigned} is
     * the assignment taking it is persisted already. Filling the last place tells every member who had the item.
     */
    public void placeTaken(long projectId, long itemId, int taken, int overlap) {
        em.flush();
        boolean fills = taken + 1 >= overlap;
        update("UPDATE items SET places_taken = ?2, has_open_place = ?3 WHERE id = ?1", itemId, taken + 1, !fills);
        if (fills) {
            fullItems(projectId, itemId, +1);
        }
    }

    /**
     * An annotator took a gold item ({@link KnownAnswers}): it has no overlap limit, so it never fills and stays out of
     * the regular walk; its places taken are kept for ops' figures only. The member's count of gold items had tells
     * their later gold slots, with the project's count, whether any is left for them ({@link KnownAnswers#anyLeft}).
     */
    public void goldTaken(long projectId, long annotatorId, long itemId) {
        em.flush();
        update("UPDATE items SET places_taken = places_taken + 1 WHERE id = ?1", itemId);
        update("UPDATE project_members SET gold_had = gold_had + 1 WHERE project_id = ?1 AND user_id = ?2",
                projectId, annotatorId);
    }

    /** Gives back the place of a skipped or released assignment; reopening a full item tells every member who had it.
     * A gold item stays out of the regular walk. */
    public void placeFreed(long projectId, long itemId, int overlap) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT places_taken, (SELECT COUNT(*) FROM gold_items g"
                + " WHERE g.item_id = ?1) FROM items WHERE id = ?1 FOR UPDATE").setParameter(1, itemId).getSingleResult();
        int taken = ((Number) r[0]).intValue();
        boolean gold = ((Number) r[1]).intValue() > 0;
        update("UPDATE items SET places_taken = ?2, has_open_place = ?3 WHERE id = ?1", itemId, taken - 1, !gold);
        if (taken >= overlap && !gold) {
            fullItems(projectId, itemId, -1);
        }
    }

    /** What one blind commit adds to the project's counts of items with a label and of items with as many as the overlap. */
    public record Labeled(int labeledItems, int doneItems) {
    }

    /**
     * A blind answer was committed on the item: its label count. Returns what the project's counts gain, for
     * {@link #addLabeled}. A commit calls both last, after its event and the read models it moves: the item's row is
     * what a {@code next} walking the queue locks, and the project's row what every {@code next} that fills an item
     * and every commit lock, so holding them through the rest of the commit made the queue wait behind it.
     */
    public Labeled labeled(long itemId, int overlap) {
        update("UPDATE items SET labels = labels + 1 WHERE id = ?1", itemId);
        int labels = ((Number) em.createNativeQuery("SELECT labels FROM items WHERE id = ?1").setParameter(1, itemId)
                .getSingleResult()).intValue();
        return new Labeled(labels == 1 ? 1 : 0, labels == overlap ? 1 : 0);
    }

    /** Adds a commit's {@link Labeled} to the project's row. */
    public void addLabeled(long projectId, Labeled labeled) {
        if (labeled.labeledItems() != 0 || labeled.doneItems() != 0) {
            update("UPDATE queue_counts SET labeled_items = labeled_items + ?2, done_items = done_items + ?3"
                    + " WHERE project_id = ?1", projectId, labeled.labeledItems(), labeled.doneItems());
        }
    }

    public void skipped(long projectId, long annotatorId) {
        update("UPDATE project_members SET skipped = skipped + 1 WHERE project_id = ?1 AND user_id = ?2",
                projectId, annotatorId);
    }

    /** The project's items, those with a label, and those with as many labels as the overlap. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long[] labeledItems(long projectId) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT items, labeled_items, done_items FROM queue_counts"
                + " WHERE project_id = ?1").setParameter(1, projectId).getSingleResult();
        return new long[] {number(r[0]), number(r[1]), number(r[2])};
    }

    public void finalSaved(long projectId, long annotatorId) {
        update("UPDATE project_members SET finals = finals + 1 WHERE project_id = ?1 AND user_id = ?2",
                projectId, annotatorId);
    }

    /** Folds other requests' changes into the member's own row; the caller holds that row's lock. */
    public void fold(long projectId, long annotatorId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, delta FROM queue_deltas"
                + " WHERE project_id = ?1 AND annotator_id = ?2").setParameter(1, projectId)
                .setParameter(2, annotatorId).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        long sum = rows.stream().mapToLong(r -> ((Number) r[1]).longValue()).sum();
        List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
        em.createNativeQuery("DELETE FROM queue_deltas WHERE id IN (?1)").setParameter(1, ids).executeUpdate();
        update("UPDATE project_members SET had_full = had_full + ?3 WHERE project_id = ?1 AND user_id = ?2",
                projectId, annotatorId, sum);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Progress progress(long projectId, long annotatorId) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT m.finals, m.had_full, c.items - c.full_items,"
                + " (SELECT a.position FROM assignments a WHERE a.project_id = ?1 AND a.annotator_id = ?2"
                + " ORDER BY a.position DESC FETCH FIRST 1 ROWS ONLY),"
                + " (SELECT SUM(d.delta) FROM queue_deltas d WHERE d.project_id = ?1 AND d.annotator_id = ?2)"
                + " FROM project_members m JOIN queue_counts c ON c.project_id = m.project_id"
                + " WHERE m.project_id = ?1 AND m.user_id = ?2")
                .setParameter(1, projectId).setParameter(2, annotatorId).getSingleResult();
        long open = number(r[2]);
        long hadFull = number(r[1]) + number(r[4]);
        return new Progress(number(r[0]), number(r[3]), open + hadFull);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long items(long projectId) {
        return number(em.createNativeQuery("SELECT items FROM queue_counts WHERE project_id = ?1")
                .setParameter(1, projectId).getSingleResult());
    }

    /**
     * Recomputes every count of the project from its items and assignments (the truth), as migration V12 first
     * computed them; O(project), for repairs and tests, never on a request's path.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void rebuild(long projectId) {
        update("UPDATE items SET places_taken = (SELECT COUNT(*) FROM assignments a WHERE a.item_id = items.id"
                + " AND a.status NOT IN ('SKIPPED', 'RELEASED')) WHERE project_id = ?1", projectId);
        update("UPDATE items SET has_open_place = places_taken < (SELECT p.overlap FROM projects p"
                + " WHERE p.id = items.project_id) AND " + NOT_GOLD + " WHERE project_id = ?1", projectId);
        update("UPDATE items SET labels = (SELECT COUNT(*) FROM assignments a WHERE a.item_id = items.id"
                + " AND a.status IN ('COMMITTED', 'FINAL')) WHERE project_id = ?1", projectId);
        update("UPDATE queue_counts SET items = (SELECT COUNT(*) FROM items i WHERE i.project_id = ?1),"
                + " full_items = (SELECT COUNT(*) FROM items i WHERE i.project_id = ?1 AND i.has_open_place = FALSE"
                + " AND " + NOT_GOLD.replace("items.", "i.") + "),"
                + " labeled_items = (SELECT COUNT(*) FROM items i WHERE i.project_id = ?1 AND i.labels > 0),"
                + " done_items = (SELECT COUNT(*) FROM items i JOIN projects p ON p.id = i.project_id"
                + " WHERE i.project_id = ?1 AND i.labels >= p.overlap),"
                + " gold_items = (SELECT COUNT(*) FROM gold_items g WHERE g.project_id = ?1)"
                + " WHERE project_id = ?1", projectId);
        update("DELETE FROM queue_deltas WHERE project_id = ?1", projectId);
        update("UPDATE project_members SET finals = (SELECT COUNT(*) FROM assignments a"
                + " WHERE a.project_id = ?1 AND a.annotator_id = project_members.user_id AND a.status = 'FINAL'),"
                + " had_full = (SELECT COUNT(*) FROM assignments a JOIN items i ON i.id = a.item_id"
                + " WHERE a.project_id = ?1 AND a.annotator_id = project_members.user_id AND i.has_open_place = FALSE"
                + " AND " + NOT_GOLD.replace("items.", "i.") + "),"
                + " skipped = (SELECT COUNT(*) FROM assignments a"
                + " WHERE a.project_id = ?1 AND a.annotator_id = project_members.user_id AND a.status = 'SKIPPED'),"
                + " gold_had = (SELECT COUNT(*) FROM assignments a JOIN gold_items g ON g.item_id = a.item_id"
                + " WHERE a.project_id = ?1 AND a.annotator_id = project_members.user_id)"
                + " WHERE project_id = ?1", projectId);
    }

    /** The item went full (+1) or open again (−1): the project's count, and a delta for each member who had it. */
    private void fullItems(long projectId, long itemId, int change) {
        update("UPDATE queue_counts SET full_items = full_items + ?2 WHERE project_id = ?1", projectId, change);
        update("INSERT INTO queue_deltas (project_id, annotator_id, delta)"
                + " SELECT ?1, a.annotator_id, ?3 FROM assignments a WHERE a.item_id = ?2", projectId, itemId, change);
    }

    private void update(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
