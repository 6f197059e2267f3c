package dev.blindfold.audit.mirrorgap;

import dev.blindfold.labeling.AssignmentStatus;
import dev.blindfold.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.hibernate.Session;

/**
 * Counts a project's mirror gap again from its drafts and answers, independently of how {@link MirrorGapFacts} keeps
 * it: one query streams every draft, counted blind answer and final answer of the project in item order, and each
 * item is scored as it ends ({@link MirrorScores}). Memory holds one item and the families' sums. Rebuilds the kept
 * tables, or says where they differ from the count.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MirrorGapRecount {

    /** Every draft (part 0), counted blind answer (1) and final answer (2) of the project, by item. */
    private static final String PROJECT = "SELECT d.item_id, 0, d.id, d.text, d.family FROM drafts d"
            + " WHERE d.item_id IN (SELECT i.id FROM items i WHERE i.project_id = ?1)"
            + " UNION ALL SELECT a.item_id, 1, a.id, b.answer, NULL FROM assignments a JOIN blind_answers b"
            + " ON b.assignment_id = a.id WHERE a.project_id = ?1 AND NOT EXISTS (SELECT 1 FROM label_facts f"
            + " WHERE f.assignment_id = a.id AND f.exposure = 'seen_before_commit')"
            + " UNION ALL SELECT a.item_id, 2, a.id, x.answer, NULL FROM assignments a JOIN final_answers x"
            + " ON x.assignment_id = a.id WHERE a.project_id = ?1 AND a.status = '" + AssignmentStatus.FINAL.name() + "'"
            + " ORDER BY 1, 2, 3";
    private static final int FETCH = 1_000;
    private static final int BATCH = 1_000;

    /** What a count finds: per family the items with drafts of it, and the sums over its scored items. */
    record Count(Map<String, Long> familyItems, Map<String, MirrorScores.FamilySums> sums) {
    }

    private final EntityManager em;

    MirrorGapRecount(EntityManager em) {
        this.em = em;
    }

    /** Replaces the project's kept mirror gap (and its families' item counts) by a count. */
    public void rebuild(long projectId) {
        for (String table : List.of("mirror_gap_items", "mirror_gap_families", "project_families")) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE project_id = ?1").setParameter(1, projectId)
                    .executeUpdate();
        }
        List<Object[]> batch = new ArrayList<>(BATCH);
        Count count = count(projectId, (family, row) -> {
            batch.add(new Object[] {projectId, family.family(), family.itemId(), row.drafts(), row.blindE9(),
                row.finalE9(), row.scored()});
            if (batch.size() == BATCH) {
                insert(batch);
            }
        });
        insert(batch);
        count.familyItems().forEach((family, items) -> em.createNativeQuery("INSERT INTO project_families (project_id,"
                        + " family, items) VALUES (?1, ?2, ?3)")
                .setParameter(1, projectId).setParameter(2, family).setParameter(3, items).executeUpdate());
        count.sums().forEach((family, sums) -> {
            var q = em.createNativeQuery("INSERT INTO mirror_gap_families (project_id, family, "
                    + String.join(", ", MirrorScores.SUM_COLUMNS) + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                    .setParameter(1, projectId).setParameter(2, family);
            List<Object> values = sums.values();
            for (int i = 0; i < values.size(); i++) {
                q.setParameter(i + 3, values.get(i));
            }
            q.executeUpdate();
        });
    }

    private void insert(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO mirror_gap_items (project_id, family, item_id,"
                    + " drafts, blind_e9, final_e9, scored) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Object[] row : batch) {
                    for (int i = 0; i < row.length; i++) {
                        if (row[i] == null) {
                            s.setNull(i + 1, Types.BIGINT);
                        } else {
                            s.setObject(i + 1, row[i]);
                        }
                    }
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
        batch.clear();
    }

    /** Where the kept mirror gap differs from a count, one line per family; empty when they agree. */
    public List<String> differences(long projectId) {
        Count counted = count(projectId, (family, row) -> { });
        Map<String, Long> keptItems = new TreeMap<>();
        for (Object row : em.createNativeQuery("SELECT family, items FROM project_families WHERE project_id = ?1")
                .setParameter(1, projectId).getResultList()) {
            Object[] r = (Object[]) row;
            keptItems.put((String) r[0], ((Number) r[1]).longValue());
        }
        Map<String, MirrorScores.FamilySums> keptSums = new TreeMap<>();
        for (Object row : em.createNativeQuery("SELECT family, " + MirrorScores.SUMMED
                + " FROM mirror_gap_families WHERE project_id = ?1 GROUP BY family").setParameter(1, projectId).getResultList()) {
            Object[] r = (Object[]) row;
            MirrorScores.FamilySums sums = MirrorScores.FamilySums.of(r, 1);
            if (!sums.equals(MirrorScores.FamilySums.NONE)) {
                keptSums.put((String) r[0], sums);
            }
        }
        List<String> differences = new ArrayList<>();
        if (!keptItems.equals(counted.familyItems())) {
            differences.add("mirror gap: items per family kept " + keptItems + ", counted " + counted.familyItems());
        }
        if (!keptSums.equals(counted.sums())) {
            differences.add("mirror gap: sums per family kept " + keptSums + ", counted " + counted.sums());
        }
        return differences;
    }

    /** Scores every item of the project, handing each kept row (not empty) to {@code rows}. */
    private Count count(long projectId, BiConsumer<FamilyItem, MirrorScores.ItemRow> rows) {
        boolean freeText = em.find(Project.class, projectId).taskType.freeText();
        Map<String, Long> familyItems = new TreeMap<>();
        Map<String, MirrorScores.FamilySums> sums = new TreeMap<>();
        Item item = null;
        try (Stream<Object[]> stream = em.createNativeQuery(PROJECT, Object[].class).setParameter(1, projectId)
                .setHint("org.hibernate.fetchSize", FETCH).getResultStream()) {
            for (Object[] r : (Iterable<Object[]>) stream::iterator) {
                long itemId = ((Number) r[0]).longValue();
                if (item == null || item.id != itemId) {
                    if (item != null) {
                        item.score(freeText, familyItems, sums, rows);
                    }
                    item = new Item(itemId);
                }
                int part = ((Number) r[1]).intValue();
                if (part == 0) {
                    item.drafts.add(new MirrorScores.Draft((String) r[4], (String) r[3]));
                } else {
                    (part == 1 ? item.blind : item.fin).add((String) r[3]);
                }
            }
        }
        if (item != null) {
            item.score(freeText, familyItems, sums, rows);
        }
        return new Count(familyItems, sums);
    }

    /** One family's row of one item. */
    record FamilyItem(String family, long itemId) {
    }

    /** One item's drafts and answers as they stream in. */
    private static final class Item {
        final long id;
        final List<MirrorScores.Draft> drafts = new ArrayList<>();
        final List<String> blind = new ArrayList<>();
        final List<String> fin = new ArrayList<>();

        Item(long id) {
            this.id = id;
        }

        void score(boolean freeText, Map<String, Long> familyItems, Map<String, MirrorScores.FamilySums> sums,
                   BiConsumer<FamilyItem, MirrorScores.ItemRow> rows) {
            MirrorScores.rows(drafts, MirrorScores.gold(blind, freeText), MirrorScores.gold(fin, freeText), freeText)
                    .forEach((family, row) -> {
                        familyItems.merge(family, 1L, Long::sum);
                        if (row.scored()) {
                            sums.put(family, sums.getOrDefault(family, MirrorScores.FamilySums.NONE).plus(row));
                        }
                        if (!row.empty()) {
                            rows.accept(new FamilyItem(family, id), row);
                        }
                    });
        }
    }
}
