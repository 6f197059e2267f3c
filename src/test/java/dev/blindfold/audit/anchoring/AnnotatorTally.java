package dev.blindfold.audit.anchoring;

import dev.blindfold.exposure.ExposureClass;
import dev.blindfold.exposure.LabelExposure;
import dev.blindfold.exposure.LabelExposure.ShownDraft;
import java.util.Arrays;
import dev.blindfold.audit.anchoring.AnnotatorAnchoring;

/**
 * Adds up one annotator's labels into an {@link AnnotatorAnchoring} row. Holds counters and the blind times
 * (8 bytes a label, for the median); nothing else of a label. Plain Java.
 */
final class AnnotatorTally {

    private long labels;
    private long revealed;
    private long finals;
    private long revealedFinals;
    private long revised;
    private long accepted;
    private long shifts;
    private double shiftSum;
    private long pastedChars;
    private long blindChars;
    private long pasteDominant;
    private long focusLosses;
    private long[] blindMs = new long[16];
    private int timed;

    void add(LabelExposure label) {
        labels++;
        boolean wasRevealed = isRevealed(label);
        boolean hasFinal = label.decision() != null;
        revealed += wasRevealed ? 1 : 0;
        finals += hasFinal ? 1 : 0;
        if (wasRevealed && hasFinal) {
            revealedFinals++;
            revised += label.exposure() == ExposureClass.REVISED_AFTER_REVEAL ? 1 : 0;
            accepted += label.exposure() == ExposureClass.DRAFT_ACCEPTED ? 1 : 0;
            ShownDraft closest = closestToFinal(label);
            if (closest != null) {
                shifts++;
                shiftSum += closest.finalEdit() - closest.blindEdit();
            }
        }
        int length = label.blindAnswer().length();
        blindChars += length;
        pastedChars += Math.min(label.pastedChars(), length);
        pasteDominant += label.pasteDominant() ? 1 : 0;
        focusLosses += label.focusLosses();
        if (label.blindMs() != null) {
            if (timed == blindMs.length) {
                blindMs = Arrays.copyOf(blindMs, timed * 2);
            }
            blindMs[timed++] = label.blindMs();
        }
    }

    AnnotatorAnchoring row(String username) {
        return new AnnotatorAnchoring(username, labels, revealed, finals, revealedFinals,
                share(revised, revealedFinals), share(accepted, revealedFinals), shifts == 0 ? null : shiftSum / shifts,
                share(pastedChars, blindChars), pasteDominant, median(), focusLosses, share(focusLosses, labels));
    }

    /**
     * Drafts were shown on the label's own assignment before its final answer: blind_kept, awaiting_final,
     * revised_after_reveal, draft_accepted, and a seen_before_commit label that was also revealed here (it shows
     * drafts); not blind_only and unknown.
     */
    static boolean isRevealed(LabelExposure label) {
        return switch (label.exposure()) {
            case BLIND_KEPT, AWAITING_FINAL, REVISED_AFTER_REVEAL, DRAFT_ACCEPTED -> true;
            case SEEN_BEFORE_COMMIT -> !label.drafts().isEmpty();
            case BLIND_ONLY, UNKNOWN -> false;
        };
    }

    /** The shown draft the final answer is most similar to (the first of equals); null when none was shown. */
    static ShownDraft closestToFinal(LabelExposure label) {
        ShownDraft closest = null;
        for (ShownDraft d : label.drafts()) {
            if (closest == null || d.finalEdit() > closest.finalEdit()) {
                closest = d;
            }
        }
        return closest;
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private Double median() {
        if (timed == 0) {
            return null;
        }
        long[] sorted = Arrays.copyOf(blindMs, timed);
        Arrays.sort(sorted);
        int mid = timed / 2;
        return timed % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
