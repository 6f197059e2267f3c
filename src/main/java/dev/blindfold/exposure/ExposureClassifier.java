package dev.blindfold.exposure;

import dev.blindfold.provenance.chain.EventType;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.function.ObjLongConsumer;

/**
 * Computes each label's exposure from one annotator's events, in log order across all their
 * projects (prior exposure counts drafts shown on any item). Plain Java; reads server events for
 * the class and the prior exposure, and uses client claims only for timings and flags.
 *
 * <p>Rules, in order, for an assignment with a blind commit ({@link ExposureRules#V2}; see docs/provenance.md):
 * <ol>
 *   <li>no reveal of this assignment before its final decision → {@code blind_only};</li>
 *   <li>revealed after the commit and no final decision yet → {@code awaiting_final} (the label has no final
 *       answer; its blind answer is still blind);</li>
 *   <li>final answer equal to the blind answer (whitespace-normalised) → {@code blind_kept}, even if a
 *       draft happens to say the same: the content was written blind;</li>
 *   <li>final decision ACCEPT, or final answer near-identical to a shown draft → {@code draft_accepted};</li>
 *   <li>otherwise → {@code revised_after_reveal}.</li>
 * </ol>
 * A label rules 1–3 would tag is {@code seen_before_commit} instead when, strictly before its commit, the annotator
 * had been shown (by a first reveal, on any assignment of any project) a draft of the same input or a draft with the
 * same text as one of its item's drafts: content as the commit's {@code inputHash} and {@code draftHashes} name it
 * ({@link ContentHash}). A commit logged without those hashes cannot be judged so.
 * A reveal logged before the commit (the server never serves one) makes the label anchored: rules 2 and 3
 * do not apply to it. A reveal after the final decision changes nothing about that label (it was settled
 * without seeing the drafts) but does count toward the annotator's prior exposure for later labels. A label never
 * revealed and never decided has its blind answer as its answer.
 *
 * <p>RATE (DRAFT_RATING), PREFER and TIE (PAIRWISE) judge the drafts without changing the answer: their
 * final answer is the blind answer, so rule 3 makes them {@code blind_kept} exactly as it does KEEP,
 * also when the preferred draft is near-identical to the blind answer (that answer was written blind).
 *
 * <p>{@link ExposureRules#V1}, for audit bundles of format 1, has neither rule 2 (an undecided revealed label's
 * final answer is its blind answer so far, so rule 3 tags it) nor content identity.
 *
 * <p>Memory per annotator read: the families' draft counts, the unsettled labels, and every draft of every first
 * reveal by content ({@link SeenContent}: under 100 bytes a shown draft).
 */
public final class ExposureClassifier {

    private final ExposureThresholds thresholds;
    private final ExposureRules rules;

    /** The current rules ({@link ExposureRules#V2}). */
    public ExposureClassifier(ExposureThresholds thresholds) {
        this(thresholds, ExposureRules.V2);
    }

    public ExposureClassifier(ExposureThresholds thresholds, ExposureRules rules) {
        this.thresholds = thresholds;
        this.rules = rules;
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
        classes(List.of(), annotatorEvents, sink);
    }

    /**
     * As {@link #classes(Iterable, ObjLongConsumer)}, having first read {@code earlierReveals}: the annotator's first
     * reveals on assignments outside {@code annotatorEvents} (an audit bundle's evidence from other projects), in any
     * order. They count as content shown at their own server time, so only commits after them are judged by them.
     */
    public void classes(Iterable<LoggedEvent> earlierReveals, Iterable<LoggedEvent> annotatorEvents,
                        ObjLongConsumer<ExposureClass> sink) {
        read(earlierReveals, annotatorEvents, id -> true, t -> sink.accept(t.exposure(thresholds), t.assignmentId));
    }

    /**
     * One label from its own assignment's events alone (any order of reading others is irrelevant to it), given what
     * its commit shared with drafts shown before it ({@code match}: null when nothing, as the annotator's log says):
     * the class, flags and similarities are exactly what {@link #classify} gives that label; its prior exposure is
     * empty (it counts other assignments' reveals). Empty while the assignment has no blind commit.
     */
    public Optional<LabelExposure> label(Iterable<LoggedEvent> assignmentEvents, ContentMatch match) {
        List<LabelExposure> found = new ArrayList<>(1);
        read(List.of(), assignmentEvents, id -> true, (content, commit) -> match, t -> found.add(t.label(thresholds)));
        return found.stream().findFirst();
    }

    private void read(Iterable<LoggedEvent> annotatorEvents, LongPredicate wanted, Consumer<AssignmentState> sink) {
        read(List.of(), annotatorEvents, wanted, sink);
    }

    private void read(Iterable<LoggedEvent> earlierReveals, Iterable<LoggedEvent> annotatorEvents, LongPredicate wanted,
                      Consumer<AssignmentState> sink) {
        read(earlierReveals, annotatorEvents, wanted, (content, commit) -> content.matchCommit(commit.payload(), commit.serverTime()), sink);
    }

    /** How a commit's content match is found: from the drafts read so far, or given. */
    private interface Matcher {
        ContentMatch match(SeenContent content, LoggedEvent commit);
    }

    private void read(Iterable<LoggedEvent> earlierReveals, Iterable<LoggedEvent> annotatorEvents, LongPredicate wanted,
                      Matcher matcher, Consumer<AssignmentState> sink) {
        Map<String, Integer> seen = new HashMap<>();
        SeenContent content = new SeenContent();
        for (LoggedEvent e : earlierReveals) {
            if (firstReveal(e)) {
                AssignmentState.see(e, seen, content);
            }
        }
        Map<Long, AssignmentState> tracks = new LinkedHashMap<>();
        ArrayDeque<AssignmentState> settling = new ArrayDeque<>();
        for (LoggedEvent e : annotatorEvents) {
            while (!settling.isEmpty() && settling.peekFirst().finalAt.plus(SETTLE).isBefore(e.serverTime())) {
                emit(tracks.remove(settling.pollFirst().assignmentId), sink);
            }
            if (e.assignmentId() == null) {
                continue;
            }
            if (!wanted.test(e.assignmentId())) {
                if (firstReveal(e)) {
                    AssignmentState.see(e, seen, content);
                }
                continue;
            }
            AssignmentState t = tracks.get(e.assignmentId());
            if (t == null) {
                t = new AssignmentState(e.assignmentId(), rules);
                tracks.put(t.assignmentId, t);
            }
            if (e.type().clientReported()) {
                t.claim(e);
                continue;
            }
            switch (e.type()) {
                case ITEM_SHOWN -> t.shownAt = t.shownAt == null ? e.serverTime() : t.shownAt;
                case BLIND_COMMITTED -> t.commit(e, new TreeMap<>(seen), matcher.match(content, e));
                case DRAFTS_REVEALED -> t.reveal(e, seen, content);
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
        for (AssignmentState t : tracks.values()) {
            emit(t, sink);
        }
    }

    /** A reveal the log marks as the assignment's first (a repeat shows the same drafts again). */
    private static boolean firstReveal(LoggedEvent e) {
        return e.type() == EventType.DRAFTS_REVEALED && e.assignmentId() != null && !e.payload().path("repeat").asBoolean(false);
    }

    private static void emit(AssignmentState t, Consumer<AssignmentState> sink) {
        if (t != null && t.committedAt != null) {
            sink.accept(t);
        }
    }
}
