package dev.blindfold.audit.mirrorgap;

import dev.blindfold.facts.DirectSql;
import dev.blindfold.facts.FactsRebuilt;
import dev.blindfold.facts.ItemAnswersChanged;
import dev.blindfold.facts.Sums;
import dev.blindfold.labeling.AssignmentStatus;
import dev.blindfold.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the mirror gap of a project (V15: mirror_gap_items, mirror_gap_families) in the transaction that changes an
 * item's blind or final answers ({@link ItemAnswersChanged}): the side that changed is scored again from the item's
 * answers and drafts ({@link MirrorScores}), and each family's sums move by the difference. The other side keeps its
 * kept score, so a blind commit and a final answer of one item may run at once.
 *
 * <p>Locks: the announcement comes after the item's unit row of that kind is locked (the item's blind, or final,
 * changes take turns there, each reading the answers the previous one committed); then the item's rows here in family
 * order, then the family rows in family order. Nothing locks those before a unit row, so no wait is a cycle.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MirrorGapFacts {

    /** Blind answers that count for gold: a seen_before_commit label's answer was written after drafts of it were shown. */
    private static final String COUNTED_BLIND = "SELECT b.answer FROM assignments a JOIN blind_answers b ON b.assignment_id = a.id"
            + " WHERE a.item_id = ?1 AND NOT EXISTS (SELECT 1 FROM label_facts f WHERE f.assignment_id = a.id"
            + " AND f.exposure = 'seen_before_commit') ORDER BY a.id";
    private static final String COUNTED_FINAL = "SELECT x.answer FROM assignments a JOIN final_answers x ON x.assignment_id = a.id"
            + " WHERE a.item_id = ?1 AND a.status = '" + AssignmentStatus.FINAL.name() + "' ORDER BY a.id";

    private final EntityManager em;
    private final Sums sums;
    private final DirectSql sql;
    private final MirrorGapRecount recount;

    MirrorGapFacts(EntityManager em, Sums sums, DirectSql sql, MirrorGapRecount recount) {
        this.em = em;
        this.sql = sql;
        this.sums = sums;
        this.recount = recount;
    }

    void changed(@Observes ItemAnswersChanged changed) {
        long itemId = changed.itemId();
        List<MirrorScores.Draft> drafts = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT family, text FROM drafts WHERE item_id = ?1 ORDER BY id")
                .setParameter(1, itemId).getResultList()) {
            Object[] r = (Object[]) row;
            drafts.add(new MirrorScores.Draft((String) r[0], (String) r[1]));
        }
        if (drafts.isEmpty()) {
            return;
        }
        em.flush();
        boolean freeText = em.find(Project.class, changed.projectId()).taskType.freeText();
        List<String> blind = changed.blind() ? MirrorScores.gold(answers(COUNTED_BLIND, itemId), freeText) : null;
        List<String> fin = changed.fin() ? MirrorScores.gold(answers(COUNTED_FINAL, itemId), freeText) : null;
        Map<String, MirrorScores.ItemRow> scored = MirrorScores.rows(drafts, blind, fin, freeText);
        scored.forEach((family, row) -> {
            Optional<MirrorScores.ItemRow> kept = lock(changed.projectId(), family, itemId);
            MirrorScores.ItemRow was = kept.orElse(null);
            MirrorScores.ItemRow now = new MirrorScores.ItemRow(row.drafts(),
                    changed.blind() ? row.blindE9() : was == null ? null : was.blindE9(),
                    changed.fin() ? row.finalE9() : was == null ? null : was.finalE9());
            if (!now.equals(was)) {
                write(changed.projectId(), family, itemId, kept.isPresent(), was, now);
            }
        });
    }

    /** A rebuild of the project's facts rebuilds its mirror gap from them. */
    void rebuilt(@Observes FactsRebuilt rebuilt) {
        recount.rebuild(rebuilt.projectId());
    }

    private List<String> answers(String sql, long itemId) {
        List<String> answers = new ArrayList<>();
        for (Object a : em.createNativeQuery(sql).setParameter(1, itemId).getResultList()) {
            answers.add((String) a);
        }
        return answers;
    }

    /**
     * The item's kept row of the family, locked. On PostgreSQL an empty row is made first, so two
     * transactions starting the same row wait for each other instead of one failing on the key; on H2 the project's
     * facts change one transaction at a time already.
     */
    private Optional<MirrorScores.ItemRow> lock(long projectId, String family, long itemId) {
        List<Object> key = List.of(projectId, family, itemId);
        if (sums.postgres()) {
            sql.update("INSERT INTO mirror_gap_items (project_id, family, item_id, drafts, scored)"
                    + " VALUES (?1, ?2, ?3, 0, FALSE) ON CONFLICT DO NOTHING", key);
        }
        return sql.rows("SELECT drafts, blind_e9, final_e9 FROM mirror_gap_items WHERE project_id = ?1 AND family = ?2"
                        + " AND item_id = ?3 FOR UPDATE", key).stream().findFirst()
                .map(r -> new MirrorScores.ItemRow(((Number) r[0]).intValue(), asLong(r[1]), asLong(r[2])));
    }

    /**
     * Writes the row in place (on PostgreSQL a transaction waiting for its lock then reads the new version; a row
     * deleted and inserted again would look absent to it) and moves the family's sums. A row that holds no score stays:
     * it adds nothing anywhere.
     */
    private void write(long projectId, String family, long itemId, boolean present, MirrorScores.ItemRow was,
                       MirrorScores.ItemRow now) {
        sql.update(present
                        ? "UPDATE mirror_gap_items SET drafts = ?4, blind_e9 = ?5, final_e9 = ?6, scored = ?7"
                                + " WHERE project_id = ?1 AND family = ?2 AND item_id = ?3"
                        : "INSERT INTO mirror_gap_items (project_id, family, item_id, drafts, blind_e9, final_e9, scored)"
                                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                Arrays.asList(projectId, family, itemId, now.drafts(), now.blindE9(), now.finalE9(), now.scored()));
        if (now.scored() || (was != null && was.scored())) {
            sums.add("mirror_gap_families", List.of("project_id", "family", "shard"),
                    List.of(projectId, family, Sums.shard(itemId)),
                    MirrorScores.SUM_COLUMNS, MirrorScores.difference(was, now));
        }
    }

    private static Long asLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
