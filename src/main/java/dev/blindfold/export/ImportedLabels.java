package dev.blindfold.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Streams a project's imported labels (another tool's annotations, table {@code imported_labels}) in
 * item order, each with its item and the item's drafts. Nobody here saw how they were written, so
 * their exposure is {@code unknown}; and since Label Studio shows predictions to its annotators, an
 * imported label counts as exposed to every family with a draft on its item ({@link #priorExposure}),
 * which is what {@code excludeExposedTo} should assume about it.
 */
@ApplicationScoped
public class ImportedLabels {

    /** An imported label with its item and the item's drafts. */
    public record ImportedLabel(long id, long itemId, String externalId, String input, String source, String sourceId,
                                String sourceAnnotator, String answer, Instant createdAt, List<ItemDraft> drafts,
                                String goldAnswer) {

        /** A label of an item that is not a gold item. */
        public ImportedLabel(long id, long itemId, String externalId, String input, String source, String sourceId,
                             String sourceAnnotator, String answer, Instant createdAt, List<ItemDraft> drafts) {
            this(id, itemId, externalId, input, source, sourceId, sourceAnnotator, answer, createdAt, drafts, null);
        }

        /** Drafts of each family on the label's item: what its annotator could have been shown. */
        public Map<String, Integer> priorExposure() {
            Map<String, Integer> prior = new TreeMap<>();
            drafts.forEach(d -> prior.merge(d.family(), 1, Integer::sum));
            return prior;
        }
    }

    public record ItemDraft(String model, String family, String version, String text) {
    }

    private static final String QUERY = "select l.id, l.item_id, i.external_id, i.input, l.source, l.source_id,"
            + " l.source_annotator, l.answer, l.created_at, d.model, d.family, d.version, d.text,"
            + " (select g.answer from gold_items g where g.item_id = l.item_id)"
            + " from imported_labels l join items i on i.id = l.item_id left join drafts d on d.item_id = l.item_id"
            + " where l.project_id = ?1 order by l.item_id, l.id, d.id";
    private static final int FETCH = 500;

    private final EntityManager em;

    ImportedLabels(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void forEach(long projectId, Consumer<ImportedLabel> sink) {
        ImportedLabel current = null;
        try (Stream<Object[]> rows = em.createNativeQuery(QUERY, Object[].class).setParameter(1, projectId)
                .setHint("org.hibernate.fetchSize", FETCH).getResultStream()) {
            for (Object[] r : (Iterable<Object[]>) rows::iterator) {
                long id = ((Number) r[0]).longValue();
                if (current == null || current.id() != id) {
                    if (current != null) {
                        sink.accept(current);
                    }
                    current = new ImportedLabel(id, ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                            (String) r[4], (String) r[5], (String) r[6], (String) r[7], instant(r[8]), new ArrayList<>(),
                            (String) r[13]);
                }
                if (r[9] != null) {
                    current.drafts().add(new ItemDraft((String) r[9], (String) r[10], (String) r[11], (String) r[12]));
                }
            }
        }
        if (current != null) {
            sink.accept(current);
        }
    }

    /** Whether the project has any: exports skip the query when not. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean any(long projectId) {
        return !em.createNativeQuery("select 1 from imported_labels where project_id = ?1")
                .setParameter(1, projectId).setMaxResults(1).getResultList().isEmpty();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getName());
    }
}
