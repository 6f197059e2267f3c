package dev.blindfold.audit.bundlewriter;

import dev.blindfold.exposure.ExposureClass;
import dev.blindfold.exposure.LabelExposure.EarlierReveal;
import dev.blindfold.facts.LabelReader.ProjectLabel;
import dev.blindfold.provenance.Event;
import dev.blindfold.provenance.chain.EventType;
import jakarta.persistence.EntityManager;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The evidence a bundle's {@code seen_before_commit} tags rest on. As the labels are classified it notes, for each
 * such label, the earliest first reveal that had shown its annotator the label's content; {@link #write} then copies
 * each of those DRAFTS_REVEALED events that lies in another project (one in this project is in events.jsonl already)
 * into evidence.jsonl, verbatim as events.jsonl carries events, ordered by actor, then server time. The offline
 * verifier reads them into the exposure rules before that actor's chain, so the tag can be recomputed from the
 * bundle alone. Memory: one small record per such label.
 */
final class BundleEvidence implements Consumer<ProjectLabel> {

    private record Ref(long actorId, Instant at, long assignmentId) {
    }

    private final TreeSet<Ref> refs = new TreeSet<>(Comparator.comparingLong(Ref::actorId).thenComparing(Ref::at)
            .thenComparingLong(Ref::assignmentId));

    @Override
    public void accept(ProjectLabel pl) {
        EarlierReveal reveal = pl.label().seenBefore();
        if (pl.label().exposure() == ExposureClass.SEEN_BEFORE_COMMIT && reveal != null) {
            refs.add(new Ref(pl.annotatorId(), reveal.at(), reveal.assignmentId()));
        }
    }

    /** Writes the evidence lines; needs a transaction (reads one event per reference, by its assignment's index). */
    void write(EntityManager em, long projectId, OutputStream sink) {
        for (Ref ref : refs) {
            List<Event> found = em.createQuery("from Event e where e.assignmentId = :a and e.type = :t"
                            + " and e.serverTime = :at order by e.id", Event.class)
                    .setParameter("a", ref.assignmentId()).setParameter("t", EventType.DRAFTS_REVEALED)
                    .setParameter("at", ref.at()).setMaxResults(1).getResultList();
            if (found.isEmpty()) {
                throw new IllegalStateException("the reveal of assignment " + ref.assignmentId() + " at " + ref.at()
                        + " that a label rests on is not in the log");
            }
            Event e = found.get(0);
            if (e.projectId() != projectId) {
                EventLines.write(e, sink);
            }
            em.detach(e);
        }
    }
}
