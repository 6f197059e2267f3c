package dev.blindfold.project;

import dev.blindfold.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The known answers of gold items ({@code gold_items}, V21): items label ops gave an answer to, mixed into every
 * annotator's queue as controls. Not the consensus "gold" of package agreement, which annotators' answers decide.
 * The only class that reads or writes the table's answer column; nothing it returns goes to an annotator. A gold item
 * has no overlap limit, so its row stays out of the regular walk ({@code has_open_place} FALSE) without counting as
 * full: "item k of N" counts it as an item every annotator can still get ({@link QueueCounts}).
 */
@ApplicationScoped
@Named("knownAnswers")
@Transactional(Transactional.TxType.MANDATORY)
public class KnownAnswers {

    /** What a gold answer changed in the annotator's counts: their blind answers on gold items and the right ones. */
    public record Score(int blind, int blindRight) {
    }

    private final EntityManager em;

    KnownAnswers(EntityManager em) {
        this.em = em;
    }

    /**
     * A known answer is checked as a blind answer of the project's task type is: present, not blank, at most
     * {@code maxLength} characters, and on a CATEGORICAL project one of its labels. Returns the problem, naming the
     * value as {@code field} (the import's "gold", the API's "answer"), or null.
     */
    public static String problem(Project project, String answer, int maxLength, String field) {
        if (answer == null || answer.isBlank()) {
            return field + " must not be blank.";
        }
        if (answer.length() > maxLength) {
            return field + " is longer than " + maxLength + " characters.";
        }
        if (answer.indexOf('\u0000') >= 0) {
            return field + " contains a NUL character (\\u0000), which text may not hold.";
        }
        if (project.taskType == TaskType.CATEGORICAL && !project.labelList().contains(answer)) {
            return field + " must be one of the project's labels: " + project.labelList() + ".";
        }
        return null;
    }

    /** Makes a new item gold (in the caller's transaction): its answer, and its row out of the regular walk. */
    static void store(EntityManager em, long projectId, long itemId, String answer, Long setBy, Instant at) {
        em.createNativeQuery("INSERT INTO gold_items (item_id, project_id, answer, set_by, set_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, itemId).setParameter(2, projectId)
                .setParameter(3, answer).setParameter(4, setBy).setParameter(5, at).executeUpdate();
        em.createNativeQuery("UPDATE items SET has_open_place = FALSE WHERE id = ?1").setParameter(1, itemId)
                .executeUpdate();
    }

    /** The item's known answer when it is a gold item: one probe of the table's primary key. */
    @SuppressWarnings("unchecked")
    public Optional<String> of(long itemId) {
        List<String> answers = em.createNativeQuery("SELECT answer FROM gold_items WHERE item_id = ?1")
                .setParameter(1, itemId).getResultList();
        return answers.stream().findFirst();
    }

    public boolean isGold(long itemId) {
        return !em.createNativeQuery("SELECT 1 FROM gold_items WHERE item_id = ?1").setParameter(1, itemId)
                .getResultList().isEmpty();
    }

    /** How many gold items the project has: a count kept in its queue_counts row. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(long projectId) {
        return ((Number) em.createNativeQuery("SELECT gold_items FROM queue_counts WHERE project_id = ?1")
                .setParameter(1, projectId).getSingleResult()).longValue();
    }

    /**
     * Whether a gold item the annotator has not had is left: the project's kept count against theirs, two rows. A
     * gold slot asks first, so an annotator who has had every gold item does not walk them all to find none.
     */
    public boolean anyLeft(long projectId, long annotatorId) {
        Number left = (Number) em.createNativeQuery("SELECT c.gold_items - m.gold_had FROM queue_counts c"
                        + " JOIN project_members m ON m.project_id = c.project_id WHERE c.project_id = ?1 AND m.user_id = ?2")
                .setParameter(1, projectId).setParameter(2, annotatorId).getSingleResult();
        return left.longValue() > 0;
    }

    /** Adds to the project's kept count of gold items; call last in the transaction (the row is the queue's). */
    static void counted(EntityManager em, long projectId, long change) {
        if (change != 0) {
            em.createNativeQuery("UPDATE queue_counts SET gold_items = gold_items + ?2 WHERE project_id = ?1")
                    .setParameter(1, projectId).setParameter(2, change).executeUpdate();
        }
    }

    /**
     * Sets or changes the known answer of one of the project's items by externalId. Refused (409) once the item has
     * been handed to anyone: the accuracy counts are kept at each commit against the answer then known, and an item
     * that was handed out as a regular one took overlap places that a gold item does not count.
     */
    public void mark(Project project, String externalId, String answer, int maxLength, long userId) {
        String problem = problem(project, answer, maxLength, "answer");
        if (problem != null) {
            throw ProblemException.badRequest("invalid-gold", problem);
        }
        Item item = unassigned(project, externalId, "its known answer can no longer be set or changed");
        int replaced = em.createNativeQuery("DELETE FROM gold_items WHERE item_id = ?1").setParameter(1, item.id)
                .executeUpdate();
        store(em, project.id, item.id, answer, userId, Instant.now().truncatedTo(ChronoUnit.MICROS));
        counted(em, project.id, 1 - replaced);
    }

    /** Makes a gold item a regular one again; refused (409) once it has been handed to anyone. False if it was not gold. */
    public boolean unmark(Project project, String externalId) {
        Item item = unassigned(project, externalId, "it stays gold");
        int removed = em.createNativeQuery("DELETE FROM gold_items WHERE item_id = ?1").setParameter(1, item.id)
                .executeUpdate();
        em.createNativeQuery("UPDATE items SET has_open_place = TRUE WHERE id = ?1").setParameter(1, item.id)
                .executeUpdate();
        counted(em, project.id, -removed);
        return removed > 0;
    }

    /**
     * Counts an annotator's answer on a gold item into their member row: a blind answer, or a final one. "Right" is
     * exact equality of the strings, as agreement and consensus gold compare answers. Returns the blind counts.
     */
    public Score score(long projectId, long annotatorId, boolean right, boolean blind) {
        String column = blind ? "gold_blind" : "gold_final";
        em.createNativeQuery("UPDATE project_members SET " + column + " = " + column + " + 1, " + column + "_right = "
                        + column + "_right + ?3 WHERE project_id = ?1 AND user_id = ?2").setParameter(1, projectId)
                .setParameter(2, annotatorId).setParameter(3, right ? 1 : 0).executeUpdate();
        Object[] r = (Object[]) em.createNativeQuery("SELECT gold_blind, gold_blind_right FROM project_members"
                + " WHERE project_id = ?1 AND user_id = ?2").setParameter(1, projectId).setParameter(2, annotatorId)
                .getSingleResult();
        return new Score(((Number) r[0]).intValue(), ((Number) r[1]).intValue());
    }

    /** The annotator's qualification: null while undecided (or without one), else whether they passed. */
    public Boolean qualified(long projectId, long annotatorId) {
        Object value = em.createNativeQuery("SELECT qualified FROM project_members WHERE project_id = ?1 AND user_id = ?2")
                .setParameter(1, projectId).setParameter(2, annotatorId).getSingleResult();
        return value == null ? null : (Boolean) value;
    }

    /**
     * Decides the annotator's qualification from their blind answers on gold so far (once: a decided one stays):
     * passed when the share right reaches the project's bar. Returns the outcome, or null, deciding nothing, when they
     * have no blind answer on gold (the project had none for them yet: failing them for good would lock them out of a
     * project whose gold items ops have not imported yet).
     */
    public Boolean decide(Project project, long annotatorId) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT gold_blind, gold_blind_right, qualified FROM project_members"
                        + " WHERE project_id = ?1 AND user_id = ?2").setParameter(1, project.id)
                .setParameter(2, annotatorId).getSingleResult();
        if (r[2] != null) {
            return (Boolean) r[2];
        }
        int answered = ((Number) r[0]).intValue();
        if (answered == 0) {
            return null;
        }
        boolean passed = ((Number) r[1]).intValue() >= project.qualificationAccuracy * answered;
        em.createNativeQuery("UPDATE project_members SET qualified = ?3 WHERE project_id = ?1 AND user_id = ?2")
                .setParameter(1, project.id).setParameter(2, annotatorId).setParameter(3, passed).executeUpdate();
        return passed;
    }

    /** The item by externalId, locked, when nobody has been handed it; else 409 saying what {@code then} happens. */
    private Item unassigned(Project project, String externalId, String then) {
        Item item = Item.<Item>find("projectId = ?1 and externalId = ?2", project.id, externalId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Item " + externalId));
        Number taken = (Number) em.createNativeQuery("SELECT places_taken FROM items WHERE id = ?1 FOR UPDATE")
                .setParameter(1, item.id).getSingleResult();
        boolean handedOut = taken.intValue() > 0 || !em.createNativeQuery("SELECT 1 FROM assignments WHERE item_id = ?1")
                .setParameter(1, item.id).setMaxResults(1).getResultList().isEmpty();
        if (handedOut) {
            throw ProblemException.conflict("gold-item-in-use", "Item " + externalId + " has already been handed to an"
                    + " annotator, so " + then + ": accuracy on gold is counted when each answer is committed.");
        }
        return item;
    }
}
