package dev.blindfold.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blindfold.export.LabelExposure.ShownDraft;
import dev.blindfold.provenance.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;
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

    private void read(Iterable<LoggedEvent> annotatorEvents, LongPredicate wanted, Consumer<Track> sink) {
        Map<String, Integer> seen = new HashMap<>();
        Map<Long, Track> tracks = new LinkedHashMap<>();
        ArrayDeque<Track> settling = new ArrayDeque<>();
        for (LoggedEvent e : annotatorEvents) {
            while (!settling.isEmpty() && settling.peekFirst().finalAt.plus(SETTLE).isBefore(e.serverTime())) {
                emit(tracks.remove(settling.pollFirst().assignmentId), sink);
            }
            if (e.assignmentId() == null) {
                continue;
            }
            if (!wanted.test(e.assignmentId())) {
                if (e.type() == EventType.DRAFTS_REVEALED && !e.payload().path("repeat").asBoolean(false)) {
                    Track.see(e, seen);
                }
                continue;
            }
            Track t = tracks.get(e.assignmentId());
            if (t == null) {
                t = new Track(e.assignmentId());
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
        for (Track t : tracks.values()) {
            emit(t, sink);
        }
    }

    private static void emit(Track t, Consumer<Track> sink) {
        if (t != null && t.committedAt != null) {
            sink.accept(t);
        }
    }

    /** What the log says about one assignment so far. */
    private static final class Track {
        final long assignmentId;
        Instant shownAt;
        Instant committedAt;
        String blind;
        Map<String, Integer> prior = Map.of();
        boolean revealed;
        boolean revealedBeforeCommit;
        final List<JsonNode> shown = new ArrayList<>();
        Instant finalAt;
        boolean counted;
        String decision;
        String preferredSlot;
        JsonNode ratings;
        String finalAnswer;
        Instant firstInputClaim;
        Long minSkewMs;
        int pasted;
        int focusLosses;
        long awayMs;
        Instant lostAt;

        Track(long assignmentId) {
            this.assignmentId = assignmentId;
        }

        void claim(LoggedEvent e) {
            if (e.clientTime() != null) {
                long skew = Duration.between(e.clientTime(), e.serverTime()).toMillis();
                minSkewMs = minSkewMs == null ? skew : Math.min(minSkewMs, skew);
            }
            if (committedAt != null) {
                return;
            }
            switch (e.type()) {
                case FIRST_INPUT -> firstInputClaim = firstInputClaim == null ? e.clientTime() : firstInputClaim;
                case PASTE -> pasted += e.payload().path("chars").asInt(0);
                case FOCUS_LOST -> {
                    focusLosses++;
                    lostAt = e.clientTime();
                }
                case FOCUS_RETURNED -> {
                    if (lostAt != null && e.clientTime() != null) {
                        awayMs += Math.max(0, Duration.between(lostAt, e.clientTime()).toMillis());
                    }
                    lostAt = null;
                }
                default -> { }
            }
        }

        void commit(LoggedEvent e, Map<String, Integer> priorExposure) {
            if (committedAt != null) {
                return;
            }
            committedAt = e.serverTime();
            blind = e.payload().path("answer").asText();
            prior = priorExposure;
            if (lostAt != null && minSkewMs != null) {
                awayMs += Math.max(0, Duration.between(lostAt, committedAt.minusMillis(minSkewMs)).toMillis());
                lostAt = null;
            }
        }

        /** Counts the drafts of a first reveal, per family (an assignment shows each of its item's drafts once). */
        static void see(LoggedEvent e, Map<String, Integer> seen) {
            for (JsonNode d : e.payload().path("order")) {
                seen.merge(d.path("family").asText(), 1, Integer::sum);
            }
        }

        void reveal(LoggedEvent e, Map<String, Integer> seen) {
            if (!counted) {
                see(e, seen);
                counted = true;
            }
            if (finalAt != null) {
                return;
            }
            revealed = true;
            revealedBeforeCommit |= committedAt == null;
            if (shown.isEmpty()) {
                e.payload().path("order").forEach(shown::add);
            }
        }

        void finalSaved(JsonNode payload) {
            if (decision == null) {
                decision = payload.path("decision").asText();
                finalAnswer = payload.path("answer").asText();
                preferredSlot = payload.hasNonNull("preferredSlot") ? payload.get("preferredSlot").asText() : null;
            }
        }

        private Integer rating(String slot) {
            return ratings == null || !ratings.has(slot) ? null : ratings.get(slot).asInt();
        }

        void rated(JsonNode payload) {
            if (ratings == null) {
                ratings = payload.path("ratings");
            }
        }

        /**
         * The class alone: whether the final answer is near-identical to a shown draft is asked only when the rules
         * get that far, and answered without finishing distances that cannot reach the threshold.
         */
        ExposureClass exposure(ExposureThresholds limits) {
            String fin = finalAnswer == null ? blind : finalAnswer;
            return decide(Similarity.normalise(fin).equals(Similarity.normalise(blind)), limits, () -> {
                for (JsonNode d : shown) {
                    if (Similarity.editSimilarityAtLeast(fin, d.path("text").asText(), limits.nearIdentical())) {
                        return true;
                    }
                }
                return false;
            });
        }

        /** The rules of the class comment, in order; {@code nearDraft}: the final answer is near-identical to a shown draft. */
        private ExposureClass decide(boolean keptBlind, ExposureThresholds limits, BooleanSupplier nearDraft) {
            if (!revealed) {
                return ExposureClass.BLIND_ONLY;
            }
            if (keptBlind && !revealedBeforeCommit) {
                return ExposureClass.BLIND_KEPT;
            }
            if ("ACCEPT".equals(decision) || (!shown.isEmpty() && nearDraft.getAsBoolean())) {
                return ExposureClass.DRAFT_ACCEPTED;
            }
            return ExposureClass.REVISED_AFTER_REVEAL;
        }

        LabelExposure label(ExposureThresholds limits) {
            String fin = finalAnswer == null ? blind : finalAnswer;
            List<ShownDraft> drafts = new ArrayList<>();
            boolean finalIsBlind = fin.equals(blind);
            Similarity.Prepared blindText = Similarity.Prepared.of(blind);
            Similarity.Prepared finalText = finalIsBlind ? blindText : Similarity.Prepared.of(fin);
            for (JsonNode d : shown) {
                String text = d.path("text").asText();
                Similarity.Prepared draftText = Similarity.Prepared.of(text);
                double blindEdit = Similarity.editSimilarity(blindText, draftText);
                double blindF1 = Similarity.tokenF1(blindText, draftText);
                double finalEdit = finalIsBlind ? blindEdit : Similarity.editSimilarity(finalText, draftText);
                drafts.add(new ShownDraft(d.path("slot").asText(), d.path("draftId").asLong(), d.path("model").asText(),
                        d.path("family").asText(), d.path("version").asText(), text, rating(d.path("slot").asText()),
                        blindEdit, blindF1, finalEdit, finalIsBlind ? blindF1 : Similarity.tokenF1(finalText, draftText)));
            }
            ExposureClass exposure = decide(finalText.normalised().equals(blindText.normalised()), limits,
                    () -> drafts.stream().anyMatch(d -> d.finalEdit() >= limits.nearIdentical()));
            Long blindMs = shownAt == null ? null : Duration.between(shownAt, committedAt).toMillis();
            Long firstInputMs = firstInputClaim == null || shownAt == null || minSkewMs == null ? null
                    : Math.max(0, Duration.between(shownAt, firstInputClaim.plusMillis(minSkewMs)).toMillis());
            boolean pasteDominant = !blind.isEmpty() && (double) pasted / blind.length() > limits.pasteDominant();
            boolean offscreen = blindMs != null && blindMs > 0 && (double) awayMs / blindMs > limits.offscreen();
            return new LabelExposure(assignmentId, exposure, blind, fin, decision, preferredSlot, committedAt, prior, blindMs,
                    firstInputMs, pasted, focusLosses, pasteDominant, offscreen,
                    Similarity.editSimilarity(blindText, finalText), Similarity.tokenF1(blindText, finalText), drafts);
        }
    }
}
