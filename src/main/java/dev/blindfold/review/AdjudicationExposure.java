package dev.blindfold.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blindfold.exposure.ExposureClass;
import dev.blindfold.exposure.Similarity;
import dev.blindfold.provenance.chain.EventType;
import java.util.ArrayList;
import java.util.List;

/**
 * An adjudication's exposure class, from its events in the reviewer's chain alone (B6), as a label's: the committed
 * answer stands for the blind answer. {@code blind_only} — committed, no draft revealed; {@code awaiting_final} —
 * revealed, no final decision yet; then, in the order the label rules take, {@code blind_kept} (the final answer is
 * the committed one, after whitespace normalisation), {@code draft_accepted} (a draft accepted, or a final answer
 * near-identical to a shown draft) or {@code revised_after_reveal}. Plain Java.
 */
final class AdjudicationExposure {

    /** One event of the adjudication: its type and payload. */
    record Step(EventType type, JsonNode payload) {
    }

    private AdjudicationExposure() {
    }

    /** The class, or null while nothing is committed. */
    static ExposureClass of(List<Step> steps, double nearIdentical) {
        String committed = null;
        List<String> shown = new ArrayList<>();
        boolean revealed = false;
        JsonNode fin = null;
        for (Step s : steps) {
            switch (s.type()) {
                case ADJUDICATION_COMMITTED -> committed = committed == null ? s.payload().path("answer").asText() : committed;
                case ADJUDICATION_REVEALED -> {
                    if (committed != null) {
                        revealed = true;
                        s.payload().path("order").forEach(d -> shown.add(d.path("text").asText()));
                    }
                }
                case ADJUDICATION_FINAL -> fin = committed == null ? null : s.payload();
                default -> {
                }
            }
        }
        if (committed == null) {
            return null;
        }
        if (!revealed) {
            return ExposureClass.BLIND_ONLY;
        }
        if (fin == null) {
            return ExposureClass.AWAITING_FINAL;
        }
        String answer = fin.path("answer").asText();
        if (Similarity.normalise(answer).equals(Similarity.normalise(committed))) {
            return ExposureClass.BLIND_KEPT;
        }
        if ("ACCEPT".equals(fin.path("decision").asText())) {
            return ExposureClass.DRAFT_ACCEPTED;
        }
        boolean nearDraft = shown.stream().anyMatch(d -> Similarity.editSimilarityAtLeast(answer, d, nearIdentical));
        return nearDraft ? ExposureClass.DRAFT_ACCEPTED : ExposureClass.REVISED_AFTER_REVEAL;
    }
}
