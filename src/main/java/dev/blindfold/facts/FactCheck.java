package dev.blindfold.facts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a project's kept facts say what its log says, without writing anything: every label classified from its
 * annotator's log ({@link LabelReader}) against its kept row, a batch at a time, the number of kept rows, and every
 * kept week row against the grouped kept labels. Reads every label's events: as slow as an export.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FactCheck {

    /** The outcome; {@code differences} holds the first {@link #MAX_DIFFERENCES}. */
    public record Outcome(boolean agree, long labels, List<String> differences) {
    }

    static final int MAX_DIFFERENCES = 20;
    private static final int BATCH = 500;

    private final EntityManager em;
    private final LabelReader labels;
    private final FlagLimits limits;

    FactCheck(EntityManager em, LabelReader labels, FactSettings settings) {
        this.em = em;
        this.labels = labels;
        this.limits = settings.limits();
    }

    public Outcome check(long projectId) {
        List<String> differences = new ArrayList<>();
        long[] read = {0};
        List<LabelFact> batch = new ArrayList<>(BATCH);
        labels.forEach(projectId, null, pl -> {
            read[0]++;
            batch.add(LabelFact.of(pl.label(), projectId, pl.annotatorId(), pl.itemId(), false, pl.need(), limits));
            if (batch.size() == BATCH) {
                compare(batch, differences);
            }
        });
        compare(batch, differences);
        long kept = FactRows.number(em.createNativeQuery("SELECT COUNT(*) FROM label_facts WHERE project_id = ?1")
                .setParameter(1, projectId).getSingleResult());
        if (kept != read[0]) {
            note(differences, "the log has " + read[0] + " labels, the kept facts " + kept);
        }
        List<String> sums = rows(FactRebuild.WEEK_SUMS + " ORDER BY annotator_id, week", projectId);
        List<String> stored = rows("SELECT project_id, annotator_id, week, " + String.join(", ", FactStore.WEEK_COLUMNS)
                + " FROM annotator_week_facts WHERE project_id = ?1 AND labels <> 0 ORDER BY annotator_id, week", projectId);
        if (!sums.equals(stored)) {
            note(differences, "week sums differ from the kept labels: kept " + stored + ", labels say " + sums);
        }
        return new Outcome(differences.isEmpty(), read[0], differences);
    }

    private void compare(List<LabelFact> batch, List<String> differences) {
        if (batch.isEmpty()) {
            return;
        }
        List<Long> ids = batch.stream().map(LabelFact::assignmentId).toList();
        Map<Long, LabelFact> kept = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT " + FactStore.COLUMNS + " FROM label_facts WHERE assignment_id IN (?1)")
                .setParameter(1, ids).getResultList()) {
            LabelFact f = FactRows.fact((Object[]) row);
            kept.put(f.assignmentId(), f);
        }
        Set<Long> finalIsDraft = new HashSet<>();
        em.createNativeQuery("SELECT f.assignment_id FROM final_answers f JOIN assignments a ON a.id = f.assignment_id"
                        + " WHERE f.assignment_id IN (?1) AND EXISTS (SELECT 1 FROM drafts d WHERE d.item_id = a.item_id"
                        + " AND d.text = f.answer)").setParameter(1, ids).getResultList()
                .forEach(id -> finalIsDraft.add(FactRows.number(id)));
        for (LabelFact log : batch) {
            LabelFact expected = finalIsDraft.contains(log.assignmentId()) && log.hasFinal() ? withFinalIsDraft(log) : log;
            LabelFact k = kept.get(log.assignmentId());
            if (!expected.equals(k)) {
                note(differences, "label " + log.assignmentId() + ": kept " + k + ", log says " + expected);
            }
        }
        batch.clear();
        em.clear();
    }

    private static LabelFact withFinalIsDraft(LabelFact f) {
        return new LabelFact(f.assignmentId(), f.projectId(), f.annotatorId(), f.itemId(), f.week(), f.committedAt(),
                f.exposure(), f.revealed(), f.hasFinal(), f.closestFinalE9(), f.closestBlindE9(), f.blindChars(),
                f.pastedChars(), f.pasteDominant(), f.focusLosses(), f.blindMs(), f.flags(), f.seenDetail(), f.blindKey(),
                f.finalKey(), true, f.needMs(), f.readingMs(), f.decisionMs());
    }

    private List<String> rows(String sql, long projectId) {
        List<String> out = new ArrayList<>();
        for (Object row : em.createNativeQuery(sql).setParameter(1, projectId).getResultList()) {
            List<String> cells = new ArrayList<>();
            for (Object cell : (Object[]) row) {
                cells.add(cell instanceof Number n ? String.valueOf(n.longValue()) : String.valueOf(FactRows.date(cell)));
            }
            out.add(String.join("|", cells));
        }
        return out;
    }

    private static void note(List<String> differences, String difference) {
        if (differences.size() < MAX_DIFFERENCES) {
            differences.add(difference);
        }
    }
}
