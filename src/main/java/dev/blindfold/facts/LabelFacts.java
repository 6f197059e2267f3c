package dev.blindfold.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.exposure.ContentMatch;
import dev.blindfold.exposure.ExposureClassifier;
import dev.blindfold.exposure.LabelExposure;
import dev.blindfold.exposure.LoggedEvent;
import dev.blindfold.labeling.Assignment;
import dev.blindfold.labeling.BlindAnswer;
import dev.blindfold.provenance.Event;
import dev.blindfold.provenance.EventAppended;
import dev.blindfold.provenance.chain.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a label's facts with the events that change them: on a blind commit, a reveal, a final answer or a rating of
 * an assignment, its label is classified again from that assignment's own events ({@link ExposureClassifier#label})
 * with what its commit shared with drafts shown earlier ({@link ShownContent}), and {@link FactStore} moves the sums by
 * the difference. A first reveal is also remembered by content. Runs in the appending transaction, after the chain
 * head of the annotator's project chain is locked, so one annotator's changes to one project's facts take turns.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LabelFacts {

    private final EntityManager em;
    private final ObjectMapper json;
    private final ShownContent shown;
    private final FactStore store;
    private final ExposureClassifier classifier;
    private final FlagLimits limits;

    LabelFacts(EntityManager em, ObjectMapper json, ShownContent shown, FactStore store, FactSettings settings) {
        this.em = em;
        this.json = json;
        this.shown = shown;
        this.store = store;
        this.limits = settings.limits();
        this.classifier = new ExposureClassifier(limits.thresholds());
    }

    void appended(@Observes EventAppended appended) {
        Event e = appended.event();
        if (e.assignmentId() == null || !changesLabel(e.type())) {
            return;
        }
        if (e.type() == EventType.DRAFTS_REVEALED) {
            shown.revealed(e.actorId(), e.assignmentId(), e.serverTime(), parse(e.payload()));
        }
        Optional<LabelFact> old = store.find(e.assignmentId());
        if (old.isEmpty() && e.type() != EventType.BLIND_COMMITTED) {
            return;
        }
        classify(e.assignmentId()).ifPresent(now -> store.write(old.orElse(null), now));
    }

    /** The label's facts as its events say now; empty without a blind commit. */
    Optional<LabelFact> classify(long assignmentId) {
        List<LoggedEvent> events = events(assignmentId);
        LoggedEvent commit = events.stream().filter(x -> x.type() == EventType.BLIND_COMMITTED).findFirst().orElse(null);
        if (commit == null) {
            return Optional.empty();
        }
        Assignment a = em.find(Assignment.class, assignmentId);
        ContentMatch match = shown.match(a.annotatorId, commit.serverTime(), ContentMatch.Keys.ofCommit(commit.payload()));
        Optional<LabelExposure> label = classifier.label(events, match);
        BlindAnswer blind = em.find(BlindAnswer.class, assignmentId);
        BlindNeed need = blind == null ? BlindNeed.NONE : new BlindNeed(blind.readingMs, blind.decisionMs);
        return label.map(l -> LabelFact.of(l, a.projectId, a.annotatorId, a.itemId,
                l.decision() != null && finalIsDraft(assignmentId, a.itemId), need, limits));
    }

    /** The saved final answer is exactly the text of one of the item's drafts. */
    private boolean finalIsDraft(long assignmentId, long itemId) {
        return em.createQuery("select count(d) from Draft d, FinalAnswer f where f.assignmentId = :a and d.itemId = :i"
                        + " and d.text = f.answer", Long.class)
                .setParameter("a", assignmentId).setParameter("i", itemId).getSingleResult() > 0;
    }

    private static boolean changesLabel(EventType type) {
        return type == EventType.BLIND_COMMITTED || type == EventType.DRAFTS_REVEALED || type == EventType.FINAL_SAVED
                || type == EventType.DRAFTS_RATED;
    }

    private List<LoggedEvent> events(long assignmentId) {
        List<LoggedEvent> events = new ArrayList<>();
        for (Object[] r : em.createQuery("select e.assignmentId, e.type, e.serverTime, e.clientTime, e.payload from Event e"
                + " where e.assignmentId = :a order by e.serverTime, e.id", Object[].class)
                .setParameter("a", assignmentId).getResultList()) {
            events.add(new LoggedEvent((Long) r[0], (EventType) r[1], (Instant) r[2], (Instant) r[3], parse((String) r[4])));
        }
        return events;
    }

    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
