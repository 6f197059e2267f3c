package dev.blindfold.exposure;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the log says about one label (an assignment with a blind commit): its exposure class,
 * the annotator's prior exposure per model family at the commit, timings, paste and focus counts,
 * flags, and how close the blind and final answers are to each other and to each shown draft.
 * Times marked client-derived rest on client claims; the class itself never does (B6).
 * {@code preferredSlot} is a PAIRWISE label's preferred draft (null for a tie and other task types).
 * {@code finalAnswer} is null while drafts were revealed and no final decision was saved (a label never revealed and
 * never decided has its blind answer as its answer); the final similarities are then NaN.
 * {@code sameContent}: of the prior exposure, the drafts per family that shared this item's input or one of its draft
 * texts ({@link ContentHash}); {@code seenBefore}: the earliest reveal that showed one of them, null when none did.
 */
public record LabelExposure(long assignmentId, ExposureClass exposure, String blindAnswer, String finalAnswer,
                            String decision, String preferredSlot, Instant committedAt, Map<String, Integer> priorExposure,
                            Long blindMs, Long timeToFirstInputMs, int pastedChars, int focusLosses,
                            boolean pasteDominant, boolean offscreenComposition,
                            double blindFinalEdit, double blindFinalTokenF1, List<ShownDraft> drafts,
                            Map<String, Integer> sameContent, EarlierReveal seenBefore) {

    /**
     * A draft as shown in a slot (its text as shown), the annotator's 1–5 rating of it if any, and the
     * similarity of the blind and final answers to it (final ones NaN without a final answer).
     */
    public record ShownDraft(String slot, long draftId, String model, String family, String version, String text, Integer rating,
                             double blindEdit, double blindTokenF1, double finalEdit, double finalTokenF1) {
    }

    /** The first reveal (its assignment and server time) that showed this label's content before its commit. */
    public record EarlierReveal(long assignmentId, Instant at) {
    }

    /** Drafts of this family the annotator had been shown before committing this label. */
    public int priorExposureTo(String family) {
        return priorExposure.getOrDefault(family, 0);
    }

    /** Drafts of this family sharing this label's input or a draft text, shown before its commit. */
    public int sameContentFrom(String family) {
        return sameContent.getOrDefault(family, 0);
    }
}
