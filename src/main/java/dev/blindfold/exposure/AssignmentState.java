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
final class AssignmentState {
    final long assignmentId;
    private final ExposureRules rules;
    Instant shownAt;
    Instant committedAt;
    String blind;
    Map<String, Integer> prior = Map.of();
    ContentMatch seen;
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

    AssignmentState(long assignmentId, ExposureRules rules) {
        this.assignmentId = assignmentId;
        this.rules = rules;
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

    /**
     * The blind commit: its prior exposure, and (rules V2) which drafts shown before it share its content
     * ({@code match}, null when none; a commit logged before content hashes existed carries none and cannot be judged
     * by content).
     */
    void commit(LoggedEvent e, Map<String, Integer> priorExposure, ContentMatch match) {
        if (committedAt != null) {
            return;
        }
        committedAt = e.serverTime();
        blind = e.payload().path("answer").asText();
        prior = priorExposure;
        seen = rules == ExposureRules.V2 ? match : null;
        if (lostAt != null && minSkewMs != null) {
            awayMs += Math.max(0, Duration.between(lostAt, committedAt.minusMillis(minSkewMs)).toMillis());
            lostAt = null;
        }
    }

    /**
     * Counts the drafts of a first reveal, per family (an assignment shows each of its item's drafts once), and
     * remembers them by content.
     */
    static void see(LoggedEvent e, Map<String, Integer> seen, SeenContent content) {
        for (JsonNode d : e.payload().path("order")) {
            seen.merge(d.path("family").asText(), 1, Integer::sum);
        }
        content.add(e.assignmentId(), e.serverTime(), e.payload());
    }

    void reveal(LoggedEvent e, Map<String, Integer> seen, SeenContent content) {
        if (!counted && !e.payload().path("repeat").asBoolean(false)) {
            see(e, seen, content);
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
            return seen != null ? ExposureClass.SEEN_BEFORE_COMMIT : ExposureClass.BLIND_ONLY;
        }
        if (awaitingFinal()) {
            return seen != null ? ExposureClass.SEEN_BEFORE_COMMIT : ExposureClass.AWAITING_FINAL;
        }
        if (keptBlind && !revealedBeforeCommit) {
            return seen != null ? ExposureClass.SEEN_BEFORE_COMMIT : ExposureClass.BLIND_KEPT;
        }
        if ("ACCEPT".equals(decision) || (!shown.isEmpty() && nearDraft.getAsBoolean())) {
            return ExposureClass.DRAFT_ACCEPTED;
        }
        return ExposureClass.REVISED_AFTER_REVEAL;
    }

    /** Rules V2: drafts were revealed after the commit and no final decision has been saved. */
    private boolean awaitingFinal() {
        return rules == ExposureRules.V2 && decision == null && !revealedBeforeCommit;
    }

    /** The final answer as exports show it: none while awaiting one (rules V2), else the saved one or the blind answer. */
    private boolean hasFinalAnswer() {
        return !(rules == ExposureRules.V2 && revealed && decision == null);
    }

    LabelExposure label(ExposureThresholds limits) {
        String fin = finalAnswer == null ? blind : finalAnswer;
        boolean hasFinal = hasFinalAnswer();
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
            double finalF1 = finalIsBlind ? blindF1 : Similarity.tokenF1(finalText, draftText);
            drafts.add(new ShownDraft(d.path("slot").asText(), d.path("draftId").asLong(), d.path("model").asText(),
                    d.path("family").asText(), d.path("version").asText(), text, rating(d.path("slot").asText()),
                    blindEdit, blindF1, hasFinal ? finalEdit : Double.NaN, hasFinal ? finalF1 : Double.NaN));
        }
        ExposureClass exposure = decide(finalText.normalised().equals(blindText.normalised()), limits,
                () -> drafts.stream().anyMatch(d -> (hasFinal ? d.finalEdit() : d.blindEdit()) >= limits.nearIdentical()));
        Long blindMs = shownAt == null ? null : Duration.between(shownAt, committedAt).toMillis();
        Long firstInputMs = firstInputClaim == null || shownAt == null || minSkewMs == null ? null
                : Math.max(0, Duration.between(shownAt, firstInputClaim.plusMillis(minSkewMs)).toMillis());
        boolean pasteDominant = !blind.isEmpty() && (double) pasted / blind.length() > limits.pasteDominant();
        boolean offscreen = blindMs != null && blindMs > 0 && (double) awayMs / blindMs > limits.offscreen();
        return new LabelExposure(assignmentId, exposure, blind, hasFinal ? fin : null, decision, preferredSlot, committedAt,
                prior, blindMs, firstInputMs, pasted, focusLosses, pasteDominant, offscreen,
                hasFinal ? Similarity.editSimilarity(blindText, finalText) : Double.NaN,
                hasFinal ? Similarity.tokenF1(blindText, finalText) : Double.NaN, drafts,
                seen == null ? Map.of() : seen.sameContent(),
                seen == null ? null : new LabelExposure.EarlierReveal(seen.assignmentId(), seen.at()));
    }
}
