package dev.blindfold.exposure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blindfold.exposure.LabelExposure.ShownDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** What one annotator's log says about one assignment so far, as {@link ExposureClassifier} reads it in order. */
final class LabelTrack {
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

    LabelTrack(long assignmentId) {
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
