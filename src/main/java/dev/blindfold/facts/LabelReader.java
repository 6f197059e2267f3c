package dev.blindfold.facts;

import dev.blindfold.exposure.ExposureClassifier;
import dev.blindfold.exposure.ExposureThresholds;
import dev.blindfold.exposure.LabelExposure;
import dev.blindfold.exposure.LoggedEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.labeling.AssignmentStatus;
import dev.blindfold.web.BlindfoldConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;

/**
 * Reads a project's labels with their exposure, one annotator at a time: that annotator's whole
 * log (all projects, for prior exposure) is streamed through the classifier, which hands on each label
 * once it is settled; items are looked up per batch of labels. Memory: the annotator's wanted assignment
 * ids (8 bytes a label), the drafts they have seen, unfinished labels and one batch, not the project.
 */
@ApplicationScoped
public class LabelReader {

    /**
     * A label of the project with the item it answers and the guidelines version it was written under (kept with its
     * blind answer at the commit). {@code identityLeakShown}: the annotator's drafts were revealed and one of the item's drafts names its model
     * (flagged at import, V20), so the final answer may lean on a model the annotator recognised. {@code goldAnswer}:
     * the item's known answer when it is a gold item (V21; staff exports only), else null.
     * {@code need}: what its blind step was held to (V23). {@code labelOrder}: a CATEGORICAL label's labels in the order
     * its assignment showed them (null for other task types, and for a label committed without being shown).
     * {@code adjudicatedAnswer} and {@code adjudicationExposure}: the item's adjudication by a reviewer (V22), null
     * when it has none committed.
     */
    public record ProjectLabel(LabelExposure label, long annotatorId, long itemId, String externalId, String input,
                               int guidelinesVersion, boolean identityLeakShown, String goldAnswer, BlindNeed need,
                               List<String> labelOrder, String adjudicatedAnswer, String adjudicationExposure) {

        /** A label of an item that is not a gold item, without the figures only exports read. */
        public ProjectLabel(LabelExposure label, long annotatorId, long itemId, String externalId, String input,
                            int guidelinesVersion, boolean identityLeakShown) {
            this(label, annotatorId, itemId, externalId, input, guidelinesVersion, identityLeakShown, null,
                    BlindNeed.NONE, null, null, null);
        }

        /** The drafts' model names in slot order (A, B, ...) as the reveal showed them; empty when never revealed. */
        public List<String> draftOrder() {
            return label.drafts().stream().sorted(java.util.Comparator.comparing(LabelExposure.ShownDraft::slot))
                    .map(LabelExposure.ShownDraft::model).toList();
        }
    }

    private static final List<AssignmentStatus> LABELED = List.of(AssignmentStatus.COMMITTED, AssignmentStatus.FINAL);
    /** No bound: every event of the project. */
    public static final LongUnaryOperator ALL_EVENTS = annotator -> Long.MAX_VALUE;
    /** Labels whose items are looked up in one query. */
    private static final int BATCH = 500;

    private final EntityManager em;
    private final ObjectMapper json;
    private final ExposureThresholds thresholds;
    private final ExposureClassifier classifier;

    LabelReader(EntityManager em, ObjectMapper json, BlindfoldConfig config) {
        this.em = em;
        this.json = json;
        BlindfoldConfig.Export export = config.export();
        this.thresholds = new ExposureThresholds(export.nearIdentical(), export.pasteDominantShare(), export.offscreenShare());
        this.classifier = new ExposureClassifier(thresholds);
    }

    /** The lines the classifier draws, as configured: what an audit bundle's manifest must carry. */
    public ExposureThresholds thresholds() {
        return thresholds;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void forEach(long projectId, Long onlyAnnotator, Consumer<ProjectLabel> sink) {
        forEach(projectId, onlyAnnotator, ALL_EVENTS, sink);
    }

    /**
     * The labels as the log stood when each annotator's chain in the project ended at {@code lastSeq(annotator)}
     * (an audit bundle's recorded heads): later events of the project are left out, so a label committed or
     * finished since is absent or classified as it was then.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forEach(long projectId, Long onlyAnnotator, LongUnaryOperator lastSeq, Consumer<ProjectLabel> sink) {
        for (Long annotator : annotators(projectId)) {
            if (onlyAnnotator == null || onlyAnnotator.equals(annotator)) {
                forAnnotator(projectId, annotator, lastSeq.applyAsLong(annotator), sink);
                em.clear();
            }
        }
    }

    /**
     * One label with its exposure, classified exactly as exports classify it (prior exposure counts the drafts
     * the annotator was shown earlier on any project); empty when the assignment has no blind commit. Reads the
     * annotator's log, a page at a time, only until the label is settled.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<LabelExposure> one(long annotatorId, long assignmentId) {
        List<LabelExposure> found = new ArrayList<>(1);
        AnnotatorLog log = new AnnotatorLog(em, json, annotatorId);
        Iterable<LoggedEvent> untilFound = () -> new Iterator<>() {
            private final Iterator<LoggedEvent> events = log.iterator();

            public boolean hasNext() {
                return found.isEmpty() && events.hasNext();
            }

            public LoggedEvent next() {
                return events.next();
            }
        };
        classifier.classify(untilFound, id -> id == assignmentId, found::add);
        return found.stream().findFirst();
    }

    /** The most drafts any item of the project has: the number of draft slots an export needs. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int maxDrafts(long projectId) {
        List<Long> counts = em.createQuery("select count(d) from Draft d, Item i where d.itemId = i.id"
                        + " and i.projectId = :p group by d.itemId order by count(d) desc", Long.class)
                .setParameter("p", projectId).setMaxResults(1).getResultList();
        return counts.isEmpty() ? 0 : counts.get(0).intValue();
    }

    private List<Long> annotators(long projectId) {
        return em.createQuery("select distinct a.annotatorId from Assignment a where a.projectId = :p"
                        + " and a.status in :s order by a.annotatorId", Long.class)
                .setParameter("p", projectId).setParameter("s", LABELED).getResultList();
    }

    /** The annotator's labeled assignments in the project, ascending. */
    private long[] wanted(long projectId, long annotatorId) {
        return em.createQuery("select a.id from Assignment a where a.projectId = :p and a.annotatorId = :u"
                        + " and a.status in :s order by a.id", Long.class)
                .setParameter("p", projectId).setParameter("u", annotatorId).setParameter("s", LABELED)
                .getResultList().stream().mapToLong(Long::longValue).toArray();
    }

    private void forAnnotator(long projectId, long annotatorId, long lastSeq, Consumer<ProjectLabel> sink) {
        long[] wanted = wanted(projectId, annotatorId);
        List<LabelExposure> batch = new ArrayList<>(BATCH);
        AnnotatorLog log = new AnnotatorLog(em, json, annotatorId, AnnotatorLog.PAGE, projectId, lastSeq);
        classifier.classify(log, id -> Arrays.binarySearch(wanted, id) >= 0, label -> {
            batch.add(label);
            if (batch.size() == BATCH) {
                withItems(annotatorId, batch, sink);
            }
        });
        withItems(annotatorId, batch, sink);
    }

    /**
     * Looks up a batch of labels' items, guidelines versions, whether their reveal showed a flagged draft and their
     * item's adjudication (two primary-key probes of adjudications per label), in one query, and hands the labels on,
     * in order. (A flagged draft cannot change once its item is revealed, so the flag
     * read now is the one the reveal showed.)
     */
    private void withItems(long annotatorId, List<LabelExposure> batch, Consumer<ProjectLabel> sink) {
        if (batch.isEmpty()) {
            return;
        }
        Map<Long, Object[]> items = new HashMap<>();
        em.createQuery("select a.id, i.id, i.externalId, i.input, b.guidelinesVersion, case when a.draftOrder is not null"
                        + " and exists (select d.id from Draft d where d.itemId = i.id and d.identityLeak is not null)"
                        + " then true else false end, b.readingMs, b.decisionMs, a.labelOrder,"
                        + " (select ad.answer from Adjudication ad where ad.itemId = i.id and ad.committedAt is not null),"
                        + " (select ad.exposure from Adjudication ad where ad.itemId = i.id)"
                        + " from Assignment a, Item i, BlindAnswer b"
                        + " where i.id = a.itemId and b.assignmentId = a.id and a.id in :ids", Object[].class)
                .setParameter("ids", batch.stream().map(LabelExposure::assignmentId).toList())
                .getResultList().forEach(r -> items.put((Long) r[0], r));
        Map<Long, String> gold = goldAnswers(items.values().stream().map(r -> (Long) r[1]).distinct().toList());
        for (LabelExposure label : batch) {
            Object[] item = items.get(label.assignmentId());
            sink.accept(new ProjectLabel(label, annotatorId, (Long) item[1], (String) item[2], (String) item[3],
                    (Integer) item[4], (Boolean) item[5], gold.get((Long) item[1]),
                    new BlindNeed((Integer) item[6], (Integer) item[7]),
                    item[8] == null ? null : List.of(((String) item[8]).split("\n")), (String) item[9],
                    (String) item[10]));
        }
        batch.clear();
    }

    /** The known answers of the batch's gold items (V21), one probe of gold_items_pkey per item. */
    @SuppressWarnings("unchecked")
    private Map<Long, String> goldAnswers(List<Long> itemIds) {
        Map<Long, String> gold = new HashMap<>();
        if (!itemIds.isEmpty()) {
            ((List<Object[]>) em.createNativeQuery("SELECT item_id, answer FROM gold_items WHERE item_id IN (?1)")
                    .setParameter(1, itemIds).getResultList())
                    .forEach(r -> gold.put(((Number) r[0]).longValue(), (String) r[1]));
        }
        return gold;
    }
}
