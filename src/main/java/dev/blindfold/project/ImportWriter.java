package dev.blindfold.project;

import dev.blindfold.project.ItemImportService.Counts;
import dev.blindfold.project.ItemLines.DraftLine;
import dev.blindfold.project.ItemLines.ItemLine;
import dev.blindfold.project.LabelStudioTasks.Annotation;
import dev.blindfold.web.ProblemException;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores parsed items in the caller's transaction, {@value #CHUNK} at a time: one query finds which
 * of a chunk's externalIds the project already has (those items are skipped, as are their drafts),
 * the new items, their drafts and their imported labels are persisted in that order (so JDBC batches
 * stay whole), then the persistence context is flushed and cleared. Memory holds one chunk, whatever
 * the size of the file. Labels of an item that already exists are added when their source id is new,
 * so a later export of the same tasks brings in annotations written since, and a repeat brings none. A new item with
 * a {@code gold} answer (checked as a blind answer of the project's task type) becomes a gold item ({@link KnownAnswers});
 * the gold answer of an item that exists already is ignored with the rest of it (label ops mark existing items by API). Each new draft
 * is checked for names of its model as its chunk is stored ({@link DraftFlags}), with no query of its own.
 */
final class ImportWriter {

    static final int CHUNK = 500;

    private record Pending(ItemLine item, List<Annotation> labels) {
    }

    private final EntityManager em;
    private final boolean postgres;
    private final Project project;
    private final String noun;
    private final Instant now;
    private final DraftFlags flags;
    private final List<Pending> pending = new ArrayList<>(CHUNK);
    private int created;
    private int skipped;
    private int drafts;
    private int labels;
    private int gold;
    private final int maxAnswer;

    /** {@code noun} names a record in errors: "line" or "task"; {@code terms}: the configured identity-leak terms. */
    ImportWriter(EntityManager em, Project project, String noun, Instant now, List<String> terms, int maxAnswer) {
        this.maxAnswer = maxAnswer;
        this.em = em;
        this.postgres = dev.blindfold.web.DatabaseKind.postgres(em);
        this.project = project;
        this.noun = noun;
        this.now = now;
        this.flags = new DraftFlags(em, postgres, project.id, terms);
    }

    void add(ItemLine item) {
        add(item, List.of());
    }

    /** A PAIRWISE item needs two or more drafts to compare; checked here, where the project is known. */
    void add(ItemLine item, List<Annotation> itemLabels) {
        if (project.taskType == TaskType.PAIRWISE && item.drafts().size() < 2) {
            throw ProblemException.badRecord(noun, item.line(), "drafts must hold at least 2 drafts in a PAIRWISE project"
                    + " (found " + item.drafts().size() + ").");
        }
        String goldProblem = item.gold() == null ? null : KnownAnswers.problem(project, item.gold(), maxAnswer, "gold");
        if (goldProblem != null) {
            throw ProblemException.badRecord(noun, item.line(), goldProblem);
        }
        pending.add(new Pending(item, itemLabels));
        if (pending.size() == CHUNK) {
            flush();
        }
    }

    Counts finish() {
        flush();
        return new Counts(created, skipped, drafts, labels, flags.flagged(), gold);
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Long> existing = existingItems();
        Set<String> knownLabels = existingLabels(existing.values());
        List<Draft> newDrafts = new ArrayList<>();
        List<ImportedLabel> newLabels = new ArrayList<>();
        Map<Long, String> newGold = new HashMap<>();
        for (Pending p : pending) {
            Long itemId = existing.get(p.item().externalId());
            if (itemId == null) {
                itemId = persistItem(p.item());
                created++;
                if (p.item().gold() != null) {
                    newGold.put(itemId, p.item().gold());
                }
                for (DraftLine d : p.item().drafts()) {
                    newDrafts.add(draft(itemId, d));
                }
            } else {
                skipped++;
            }
            for (Annotation a : p.labels()) {
                if (!knownLabels.contains(itemId + "/" + a.id())) {
                    newLabels.add(label(itemId, a));
                }
            }
        }
        flags.check(newDrafts);
        newDrafts.forEach(em::persist);
        newFamilies(newDrafts);
        newLabels.forEach(em::persist);
        em.flush();
        newGold.forEach((itemId, answer) -> KnownAnswers.store(em, project.id, itemId, answer, null, now));
        gold += newGold.size();
        drafts += newDrafts.size();
        labels += newLabels.size();
        em.flush();
        em.clear();
        pending.clear();
    }

    /**
     * Counts the chunk's new items per model family into project_families (a family's row made with its first draft),
     * so no view lists families or counts their items from the drafts.
     */
    private void newFamilies(List<Draft> chunk) {
        Map<String, Set<Long>> items = new java.util.TreeMap<>();
        for (Draft d : chunk) {
            items.computeIfAbsent(d.family, f -> new java.util.HashSet<>()).add(d.itemId);
        }
        items.forEach((family, ids) -> em.createNativeQuery(postgres
                        ? "INSERT INTO project_families AS t (project_id, family, items) VALUES (?1, ?2, ?3)"
                                + " ON CONFLICT (project_id, family) DO UPDATE SET items = t.items + EXCLUDED.items"
                        : "MERGE INTO project_families t USING (VALUES (?1, ?2, ?3)) s (project_id, family, items)"
                                + " ON (t.project_id = s.project_id AND t.family = s.family)"
                                + " WHEN MATCHED THEN UPDATE SET items = t.items + s.items"
                                + " WHEN NOT MATCHED THEN INSERT (project_id, family, items)"
                                + " VALUES (s.project_id, s.family, s.items)")
                .setParameter(1, project.id).setParameter(2, family).setParameter(3, (long) ids.size()).executeUpdate());
    }

    private long persistItem(ItemLine line) {
        Item item = new Item();
        item.projectId = project.id;
        item.externalId = line.externalId();
        item.input = line.input();
        item.metadata = line.metadata();
        item.createdAt = now;
        em.persist(item);
        return item.id;
    }

    private static Draft draft(long itemId, DraftLine d) {
        Draft draft = new Draft();
        draft.itemId = itemId;
        draft.model = d.model();
        draft.family = d.family();
        draft.version = d.version();
        draft.text = d.text();
        return draft;
    }

    private ImportedLabel label(long itemId, Annotation a) {
        ImportedLabel label = new ImportedLabel();
        label.projectId = project.id;
        label.itemId = itemId;
        label.source = ImportedLabel.LABEL_STUDIO;
        label.sourceId = a.id();
        label.sourceAnnotator = a.annotator();
        label.answer = a.answer();
        label.createdAt = a.createdAt();
        label.importedAt = now;
        return label;
    }

    /**
     * The chunk's externalIds the project already has, with their item ids. Each id of the chunk is looked up by a
     * scalar subquery, which both H2 and PostgreSQL run once per id as a (project_id, external_id) index probe, so a
     * chunk costs the same however many items the project holds. A join of the id list with {@code items} let
     * PostgreSQL choose a plan by statistics that cannot see the rows this import has written so far: it read every
     * item of the project and hashed them, once per chunk, and a 300,000-item import ended 6 times slower than it began.
     */
    private Map<String, Long> existingItems() {
        StringBuilder sql = new StringBuilder("select v.external_id, (select i.id from items i where i.project_id = ?"
                + " and i.external_id = v.external_id) from (values ");
        for (int i = 0; i < pending.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(cast(? as varchar(200)))");
        }
        sql.append(") v(external_id)");
        var query = em.createNativeQuery(sql.toString(), Object[].class);
        query.setParameter(1, project.id);
        for (int i = 0; i < pending.size(); i++) {
            query.setParameter(i + 2, pending.get(i).item().externalId());
        }
        Map<String, Long> found = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] cells = (Object[]) row;
            if (cells[1] != null) {
                found.put((String) cells[0], ((Number) cells[1]).longValue());
            }
        }
        return found;
    }

    /** "itemId/sourceId" of the labels the chunk's existing items already hold. */
    private Set<String> existingLabels(Collection<Long> itemIds) {
        Set<String> found = new HashSet<>();
        boolean anyLabels = pending.stream().anyMatch(p -> !p.labels().isEmpty());
        if (itemIds.isEmpty() || !anyLabels) {
            return found;
        }
        em.createQuery("select l.itemId, l.sourceId from ImportedLabel l where l.source = :s and l.itemId in :ids", Object[].class)
                .setParameter("s", ImportedLabel.LABEL_STUDIO).setParameter("ids", itemIds).getResultList()
                .forEach(row -> found.add(row[0] + "/" + row[1]));
        return found;
    }
}
