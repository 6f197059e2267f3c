package dev.blindfold.facts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Recomputes the kept facts from the log, independently of how {@link LabelFacts} keeps them: each annotator's log is
 * read once through the classifier ({@link LabelReader}), the label rows are written in batches, and every sum is then
 * one grouping query over them. What the kept tables must equal.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FactRebuild {

    private static final int BATCH = 1_000;
    private static final String ALL_WEEKS = "DATE '" + AnswerTallies.ALL_WEEKS + "'";
    /** Each annotator-week's sums of the project's label facts, in the columns of annotator_week_facts. */
    static final String WEEK_SUMS = "SELECT project_id, annotator_id, week, " + String.join(", ", List.of("COUNT(*)",
            count("revealed"), count("has_final"), count("revealed AND has_final"),
            count("revealed AND has_final AND exposure = 'revised_after_reveal'"),
            count("revealed AND has_final AND exposure = 'draft_accepted'"), count("closest_final_e9 IS NOT NULL"),
            "COALESCE(SUM(closest_final_e9), 0)", "COALESCE(SUM(closest_blind_e9), 0)", "SUM(pasted_chars)",
            "SUM(blind_chars)", count("paste_dominant"), "SUM(focus_losses)", count("blind_ms IS NOT NULL"),
            count("exposure = 'blind_only'"), count("exposure = 'blind_kept'"), count("exposure = 'awaiting_final'"),
            count("exposure = 'seen_before_commit'"), count("exposure = 'revised_after_reveal'"),
            count("exposure = 'draft_accepted'"), bit(LabelFact.FLAG_PASTE_DOMINANT), bit(LabelFact.FLAG_FAST_BLIND),
            bit(LabelFact.FLAG_FOCUS_LOSSES), bit(LabelFact.FLAG_OFFSCREEN_COMPOSITION),
            bit(LabelFact.FLAG_SEEN_BEFORE_COMMIT), count("final_is_draft")))
            + " FROM label_facts WHERE project_id = ?1 GROUP BY project_id, annotator_id, week";
    private static final List<String> PROJECT_TABLES = List.of("label_facts", "annotator_week_facts", "answer_units",
            "answer_unit_values", "answer_values", "answer_unit_sizes", "answer_weeks");

    private final EntityManager em;
    private final LabelReader labels;
    private final ShownContent shown;
    private final FlagLimits limits;

    private final Event<FactsRebuilt> rebuilt;

    FactRebuild(EntityManager em, LabelReader labels, ShownContent shown, FactSettings settings,
                Event<FactsRebuilt> rebuilt) {
        this.em = em;
        this.rebuilt = rebuilt;
        this.labels = labels;
        this.shown = shown;
        this.limits = settings.limits();
    }

    /** The project's facts and sums, and what its annotators were shown (all their projects), again from the log. */
    public void rebuild(long projectId) {
        for (Object annotator : em.createNativeQuery("SELECT DISTINCT annotator_id FROM assignments WHERE project_id = ?1")
                .setParameter(1, projectId).getResultList()) {
            shown.rebuild(((Number) annotator).longValue());
        }
        facts(projectId);
    }

    /** The label facts and sums of the project from the log, with shown_content as it stands. */
    void facts(long projectId) {
        for (String table : PROJECT_TABLES) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE project_id = ?1").setParameter(1, projectId).executeUpdate();
        }
        List<LabelFact> batch = new ArrayList<>(BATCH);
        labels.forEach(projectId, null, pl -> {
            batch.add(LabelFact.of(pl.label(), projectId, pl.annotatorId(), pl.itemId(), false, pl.need(), limits));
            if (batch.size() == BATCH) {
                insert(batch);
            }
        });
        insert(batch);
        run("UPDATE label_facts SET final_is_draft = TRUE WHERE project_id = ?1 AND has_final AND EXISTS (SELECT 1"
                + " FROM final_answers f JOIN drafts d ON d.text = f.answer WHERE f.assignment_id = label_facts.assignment_id"
                + " AND d.item_id = label_facts.item_id)", projectId);
        sums(projectId);
        rebuilt.fire(new FactsRebuilt(projectId));
    }

    private void insert(List<LabelFact> batch) {
        if (batch.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO label_facts (" + FactStore.COLUMNS + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(FactRows.COUNT, "?")) + ")")) {
                for (LabelFact f : batch) {
                    FactRows.bind(s, f);
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
        batch.clear();
    }

    private void sums(long projectId) {
        run("INSERT INTO annotator_week_facts (project_id, annotator_id, week, " + String.join(", ", FactStore.WEEK_COLUMNS)
                + ") " + WEEK_SUMS, projectId);
        run("INSERT INTO answer_unit_values (project_id, week, kind, item_id, answer_key, n)"
                + " SELECT project_id, week, 'blind', item_id, blind_key, COUNT(*) FROM label_facts WHERE project_id = ?1"
                + " GROUP BY project_id, week, item_id, blind_key", projectId);
        run("INSERT INTO answer_unit_values (project_id, week, kind, item_id, answer_key, n)"
                + " SELECT project_id, week, 'final', item_id, final_key, COUNT(*) FROM label_facts WHERE project_id = ?1"
                + " AND final_key IS NOT NULL GROUP BY project_id, week, item_id, final_key", projectId);
        run("INSERT INTO answer_unit_values (project_id, week, kind, item_id, answer_key, n)"
                + " SELECT project_id, " + ALL_WEEKS + ", 'project-blind', item_id, blind_key, COUNT(*) FROM label_facts"
                + " WHERE project_id = ?1 AND exposure <> 'seen_before_commit' GROUP BY project_id, item_id, blind_key", projectId);
        run("INSERT INTO answer_unit_values (project_id, week, kind, item_id, answer_key, n)"
                + " SELECT project_id, " + ALL_WEEKS + ", 'project-final', item_id, final_key, COUNT(*) FROM label_facts"
                + " WHERE project_id = ?1 AND final_key IS NOT NULL GROUP BY project_id, item_id, final_key", projectId);
        run("INSERT INTO answer_units (project_id, week, kind, item_id, m, squares)"
                + " SELECT project_id, week, kind, item_id, SUM(n), SUM(CAST(n AS BIGINT) * n) FROM answer_unit_values"
                + " WHERE project_id = ?1 GROUP BY project_id, week, kind, item_id", projectId);
        run("INSERT INTO answer_values (project_id, week, kind, answer_key, pairable)"
                + " SELECT v.project_id, v.week, v.kind, v.answer_key, SUM(v.n) FROM answer_unit_values v JOIN answer_units u"
                + " ON u.project_id = v.project_id AND u.week = v.week AND u.kind = v.kind AND u.item_id = v.item_id"
                + " WHERE v.project_id = ?1 AND u.m >= 2 GROUP BY v.project_id, v.week, v.kind, v.answer_key", projectId);
        run("INSERT INTO answer_unit_sizes (project_id, week, kind, m, units, equal_pairs)"
                + " SELECT project_id, week, kind, m, COUNT(*), SUM(squares - m) FROM answer_units"
                + " WHERE project_id = ?1 AND m >= 2 GROUP BY project_id, week, kind, m", projectId);
        run("INSERT INTO answer_weeks (project_id, week, kind, answers, units, pairable, chance_pairs)"
                + " SELECT u.project_id, u.week, u.kind, SUM(u.m), COUNT(*),"
                + " COALESCE((SELECT SUM(v.pairable) FROM answer_values v WHERE v.project_id = u.project_id"
                + " AND v.week = u.week AND v.kind = u.kind), 0),"
                + " COALESCE((SELECT SUM(v.pairable * (v.pairable - 1)) FROM answer_values v WHERE v.project_id = u.project_id"
                + " AND v.week = u.week AND v.kind = u.kind), 0)"
                + " FROM answer_units u WHERE u.project_id = ?1 AND u.m > 0 GROUP BY u.project_id, u.week, u.kind", projectId);
    }

    /** Labels raising the flag: flags holds at most 5 bits, so the bit test is arithmetic both databases share. */
    private static String bit(int flag) {
        return count("MOD(flags / " + flag + ", 2) = 1");
    }

    private static String count(String condition) {
        return "SUM(CASE WHEN " + condition + " THEN 1 ELSE 0 END)";
    }

    private void run(String sql, long projectId) {
        em.createNativeQuery(sql).setParameter(1, projectId).executeUpdate();
    }
}
