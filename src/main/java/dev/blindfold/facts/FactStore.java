package dev.blindfold.facts;

import dev.blindfold.exposure.ExposureClass;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a label's new facts and moves the kept sums by the difference from its old ones, in the caller's transaction:
 * its label_facts row, its annotator's week row, and the agreement tallies of its blind and final answers; then, when
 * the item's answers as the project counts them changed, {@link ItemAnswersChanged} for what is kept per item.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class FactStore {

    /** The week row's counters, in the order of {@link #contribution}. */
    static final List<String> WEEK_COLUMNS = List.of("labels", "revealed", "finals", "revealed_finals", "revised",
            "accepted", "closest", "closest_final_e9", "closest_blind_e9", "pasted_chars", "blind_chars",
            "paste_dominant", "focus_losses", "timed", "blind_only", "blind_kept", "awaiting_final", "seen_before_commit",
            "revised_after_reveal", "draft_accepted", "flag_paste_dominant", "flag_fast_blind", "flag_focus_losses",
            "flag_offscreen", "flag_seen", "final_is_draft");
    private static final int[] FLAG_COLUMNS = {LabelFact.FLAG_PASTE_DOMINANT, LabelFact.FLAG_FAST_BLIND,
        LabelFact.FLAG_FOCUS_LOSSES, LabelFact.FLAG_OFFSCREEN_COMPOSITION, LabelFact.FLAG_SEEN_BEFORE_COMMIT};
    private static final List<ExposureClass> CLASS_COLUMNS = List.of(ExposureClass.BLIND_ONLY, ExposureClass.BLIND_KEPT,
            ExposureClass.AWAITING_FINAL, ExposureClass.SEEN_BEFORE_COMMIT, ExposureClass.REVISED_AFTER_REVEAL,
            ExposureClass.DRAFT_ACCEPTED);
    static final String COLUMNS = "assignment_id, project_id, annotator_id, item_id, week, committed_at, exposure,"
            + " revealed, has_final, closest_final_e9, closest_blind_e9, blind_chars, pasted_chars, paste_dominant,"
            + " focus_losses, blind_ms, flags, flagged, seen_detail, blind_key, final_key, final_is_draft,"
            + " need_ms, reading_ms, decision_ms";

    private final DirectSql sql;
    private final Sums sums;
    private final AnswerTallies tallies;
    private final Event<ItemAnswersChanged> itemChanged;

    FactStore(DirectSql sql, Sums sums, AnswerTallies tallies, Event<ItemAnswersChanged> itemChanged) {
        this.sql = sql;
        this.sums = sums;
        this.tallies = tallies;
        this.itemChanged = itemChanged;
    }

    /** The label's kept facts, if it has any. */
    Optional<LabelFact> find(long assignmentId) {
        return sql.rows("SELECT " + COLUMNS + " FROM label_facts WHERE assignment_id = ?1", List.of(assignmentId))
                .stream().findFirst().map(FactRows::fact);
    }

    /**
     * Replaces {@code old} (null: none yet) by {@code now}; nothing moves when they are equal. On H2, whose MERGE does
     * not wait for another transaction inserting the same key (it fails on the key), the project's row is locked
     * first, so a project's facts change one transaction at a time there; PostgreSQL's upserts need no such lock.
     */
    void write(LabelFact old, LabelFact now) {
        if (now.equals(old)) {
            return;
        }
        if (old != null && (old.projectId() != now.projectId() || old.annotatorId() != now.annotatorId()
                || !old.week().equals(now.week()))) {
            throw new IllegalStateException("label " + now.assignmentId() + " changed project, annotator or week");
        }
        if (!sums.postgres()) {
            sql.rows("SELECT id FROM projects WHERE id = ?1 FOR UPDATE", List.of(now.projectId()));
        }
        sql.update(old == null
                ? "INSERT INTO label_facts (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                        + " ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)"
                : "UPDATE label_facts SET project_id = ?2, annotator_id = ?3, item_id = ?4, week = ?5, committed_at = ?6,"
                        + " exposure = ?7, revealed = ?8, has_final = ?9, closest_final_e9 = ?10, closest_blind_e9 = ?11,"
                        + " blind_chars = ?12, pasted_chars = ?13, paste_dominant = ?14, focus_losses = ?15,"
                        + " blind_ms = ?16, flags = ?17, flagged = ?18, seen_detail = ?19, blind_key = ?20,"
                        + " final_key = ?21, final_is_draft = ?22, need_ms = ?23, reading_ms = ?24, decision_ms = ?25"
                        + " WHERE assignment_id = ?1", FactRows.values(now));
        long[] delta = contribution(now);
        if (old != null) {
            long[] before = contribution(old);
            for (int i = 0; i < delta.length; i++) {
                delta[i] -= before[i];
            }
        }
        sums.add("annotator_week_facts", List.of("project_id", "annotator_id", "week"),
                List.of(now.projectId(), now.annotatorId(), now.week()), WEEK_COLUMNS, delta);
        answers(old, now);
        boolean blind = changed(old, now, AnswerTallies.PROJECT_BLIND);
        boolean fin = changed(old, now, AnswerTallies.PROJECT_FINAL);
        if (blind || fin) {
            itemChanged.fire(new ItemAnswersChanged(now.projectId(), now.itemId(), blind, fin));
        }
    }

    private static boolean changed(LabelFact old, LabelFact now, String kind) {
        return !Objects.equals(old == null ? null : AnswerTallies.answer(old, kind), AnswerTallies.answer(now, kind));
    }

    /** Each kind's answer of the label in and out of its unit's tallies, kind by kind in {@link AnswerTallies#KINDS} order. */
    private void answers(LabelFact old, LabelFact now) {
        for (String kind : AnswerTallies.KINDS) {
            if (!changed(old, now, kind)) {
                continue;
            }
            AnswerTallies.Answer was = old == null ? null : AnswerTallies.answer(old, kind);
            AnswerTallies.Answer is = AnswerTallies.answer(now, kind);
            if (was != null) {
                tallies.change(was, kind, -1);
            }
            if (is != null) {
                tallies.change(is, kind, 1);
            }
        }
    }

    /** What one label adds to its week row, in {@link #WEEK_COLUMNS} order. */
    static long[] contribution(LabelFact f) {
        long[] c = new long[WEEK_COLUMNS.size()];
        c[0] = 1;
        c[1] = f.revealed() ? 1 : 0;
        c[2] = f.hasFinal() ? 1 : 0;
        c[3] = f.revealedFinal() ? 1 : 0;
        c[4] = f.revealedFinal() && f.exposure() == ExposureClass.REVISED_AFTER_REVEAL ? 1 : 0;
        c[5] = f.revealedFinal() && f.exposure() == ExposureClass.DRAFT_ACCEPTED ? 1 : 0;
        c[6] = f.closestFinalE9() == null ? 0 : 1;
        c[7] = f.closestFinalE9() == null ? 0 : f.closestFinalE9();
        c[8] = f.closestBlindE9() == null ? 0 : f.closestBlindE9();
        c[9] = f.pastedChars();
        c[10] = f.blindChars();
        c[11] = f.pasteDominant() ? 1 : 0;
        c[12] = f.focusLosses();
        c[13] = f.blindMs() == null ? 0 : 1;
        for (int i = 0; i < CLASS_COLUMNS.size(); i++) {
            c[14 + i] = f.exposure() == CLASS_COLUMNS.get(i) ? 1 : 0;
        }
        for (int i = 0; i < FLAG_COLUMNS.length; i++) {
            c[20 + i] = f.has(FLAG_COLUMNS[i]) ? 1 : 0;
        }
        c[25] = f.finalIsDraft() ? 1 : 0;
        return c;
    }

}
