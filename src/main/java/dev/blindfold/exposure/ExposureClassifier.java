package dev.blindfold.exposure;

import dev.blindfold.provenance.chain.EventType;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.function.ObjLongConsumer;

/**
 * Computes each label's exposure from one annotator's events, in log order across all their
 * projects (prior exposure counts drafts shown on any item). Plain Java; reads server events for
 * the class and the prior exposure, and uses client claims only for timings and flags.
 *
 * <p>Rules, in order, for an assignment with a blind commit:
 * <ol>
 *   <li>no reveal at all → {@code blind_only};</li>
 *   <li>final answer equal to the blind answer (whitespace-normalised) → {@code blind_kept}, even if a
 *       draft happens to say the same: the content was written blind;</li>
 *   <li>final decision ACCEPT, or final answer near-identical to a shown draft → {@code draft_accepted};</li>
 *   <li>otherwise → {@code revised_after_reveal}.</li>
 * </ol>
 * A reveal logged before the commit (the server never serves one) makes the label anchored: rule 2
 * does not apply to it. A reveal after the final decision changes nothing about that label (it was settled
 * without seeing the drafts) but does count toward the annotator's prior exposure for later labels. Until a final answer is saved, the final answer is the blind answer.
 *
 * <p>RATE (DRAFT_RATING), PREFER and TIE (PAIRWISE) judge the drafts without changing the answer: their
 * final answer is the blind answer, so rule 2 makes them {@code blind_kept} exactly as it does KEEP,
 * also when the preferred draft is near-identical to the blind answer (that answer was written blind).
 */
public final class ExposureClassifier {

    private final ExposureThresholds thresholds;

    public ExposureClassifier(ExposureThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** How long after its FINAL_SAVED a label is held for events of the same transaction (DRAFTS_RATED). */
    static final Duration SETTLE = Duration.ofSeconds(60);

    /** Every label, in the order its assignment first appears in the log. Reads the events twice: for tests. */
    public List<LabelExposure> classify(Iterable<LoggedEvent> annotatorEvents) {
        Map<Long, Integer> order = new HashMap<>();
        annotatorEvents.forEach(e -> {
            if (e.assignmentId() != null) {
                order.putIfAbsent(e.assignmentId(), order.size());
            }
        });
        List<LabelExposure> labels = new ArrayList<>();
        classify(annotatorEvents, id -> true, labels::add);
        labels.sort(java.util.Comparator.comparingInt(l -> order.get(l.assignmentId())));
        return labels;
    }

    /**
     * Streams the labels of the {@code wanted} assignments to {@code sink}; the others still count toward prior
     * exposure. A label goes out once it is settled: its FINAL_SAVED is more than {@link #SETTLE} behind the
     * event being read (everything written with it in one transaction has been seen); unfinished labels go out
     * at the end. So memory holds the unfinished labels and the last minute's, not the annotator's history.
     */
    public void classify(Iterable<LoggedEvent> annotatorEvents, LongPredicate wanted, Consumer<LabelExposure> sink) {
        read(annotatorEvents, wanted, t -> sink.accept(t.label(thresholds)));
    }

    /**
     * Each label's class alone, as {@link #classify} streams them, for checking tags (the bundle verifier): no
     * similarity is computed that the class does not need, which is most of the cost of a full label.
     */
    public void classes(Iterable<LoggedEvent> annotatorEvents, ObjLongConsumer<ExposureClass> sink) {
        read(annotatorEvents, id -> true, t -> sink.accept(t.exposure(thresholds), t.assignmentId));
    }

    private void read(Iterable<LoggedEvent> annotatorEvents, LongPredicate wanted, Consumer<LabelTrack> sink) {
        Map<String, Integer> seen = new HashMap<>();
        Map<Long, LabelTrack> tracks = new LinkedHashMap<>();
        ArrayDeque<LabelTrack> settling = new ArrayDeque<>();
        for (LoggedEvent e : annotatorEvents) {
            while (!settling.isEmpty() && settling.peekFirst().finalAt.plus(SETTLE).isBefore(e.serverTime())) {
                emit(tracks.remove(settling.pollFirst().assignmentId), sink);
            }
            if (e.assignmentId() == null) {
                continue;
            }
            if (!wanted.test(e.assignmentId())) {
                if (e.type() == EventType.DRAFTS_REVEALED && !e.payload().path("repeat").asBoolean(false)) {
                    LabelTrack.see(e, seen);
                }
                continue;
            }
            LabelTrack t = tracks.get(e.assignmentId());
            if (t == null) {
                t = new LabelTrack(e.assignmentId());
                tracks.put(t.assignmentId, t);
            }
            if (e.type().clientReported()) {
                t.claim(e);
                continue;
            }
            switch (e.type()) {
                case ITEM_SHOWN -> t.shownAt = t.shownAt == null ? e.serverTime() : t.shownAt;
                case BLIND_COMMITTED -> t.commit(e, new TreeMap<>(seen));
                case DRAFTS_REVEALED -> t.reveal(e, seen);
                case FINAL_SAVED -> {
                    if (t.finalAt == null) {
                        t.finalSaved(e.payload());
                        t.finalAt = e.serverTime();
                        settling.addLast(t);
                    }
                }
                case DRAFTS_RATED -> t.rated(e.payload());
                default -> { }
            }
        }
        for (LabelTrack t : tracks.values()) {
            emit(t, sink);
        }
    }

    private static void emit(LabelTrack t, Consumer<LabelTrack> sink) {
        if (t != null && t.committedAt != null) {
            sink.accept(t);
        }
    }
}
