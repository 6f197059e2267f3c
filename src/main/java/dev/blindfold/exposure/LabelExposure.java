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
 */
public record LabelExposure(long assignmentId, ExposureClass exposure, String blindAnswer, String finalAnswer,
                            String decision, String preferredSlot, Instant committedAt, Map<String, Integer> priorExposure,
                            Long blindMs, Long timeToFirstInputMs, int pastedChars, int focusLosses,
                            boolean pasteDominant, boolean offscreenComposition,
                            double blindFinalEdit, double blindFinalTokenF1, List<ShownDraft> drafts) {

    /**
     * A draft as shown in a slot (its text as shown), the annotator's 1–5 rating of it if any, and the
     * similarity of the blind and final answers to it.
     */
    public record ShownDraft(String slot, long draftId, String model, String family, String version, String text, Integer rating,
                             double blindEdit, double blindTokenF1, double finalEdit, double finalTokenF1) {
    }

    /** Drafts of this family the annotator had been shown before committing this label. */
    public int priorExposureTo(String family) {
        return priorExposure.getOrDefault(family, 0);
    }
}
