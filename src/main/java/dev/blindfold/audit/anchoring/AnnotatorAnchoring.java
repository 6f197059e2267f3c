package dev.blindfold.audit.anchoring;

import java.util.Arrays;
import java.util.List;

/**
 * How strongly one annotator's labels in a project lean on the model drafts. Every share and mean is
 * {@code null} (never NaN) when nothing defines it.
 *
 * @param labels                   labels (blind commits) of this annotator in the project
 * @param revealed                 labels whose drafts were shown on their assignment: blind_kept + awaiting_final +
 *                                 revised_after_reveal + draft_accepted + seen_before_commit labels also revealed there
 * @param finals                   labels with a saved final decision (revealed or not)
 * @param revealedFinals           revealed labels with a saved final decision: the base of the next two shares
 * @param revisedShare             of the revealed finals, the share revised_after_reveal
 * @param acceptedShare            of the revealed finals, the share draft_accepted
 * @param meanShiftTowardDraft     over revealed finals with a shown draft: edit similarity of the final answer to its
 *                                 closest draft minus that of the blind answer to the same draft (positive: moved toward it)
 * @param pasteShare               pasted characters (each label's capped at its blind answer's length) over blind-answer characters
 * @param pasteDominantLabels      labels flagged paste_dominant
 * @param medianBlindMs            median time from the item shown to the blind commit (server times)
 * @param focusLosses              focus losses during the blind step, all labels
 * @param focusLossesPerLabel      focus losses during the blind step per label
 */
public record AnnotatorAnchoring(String username, long labels, long revealed, long finals, long revealedFinals,
                                 Double revisedShare, Double acceptedShare, Double meanShiftTowardDraft,
                                 Double pasteShare, long pasteDominantLabels, Double medianBlindMs,
                                 long focusLosses, Double focusLossesPerLabel) {

    /** Column names of the CSV, in the order of {@link #cells()}: the JSON names. */
    public static final List<String> COLUMNS = List.of("username", "labels", "revealed", "finals",
            "revealedFinals", "revisedShare", "acceptedShare", "meanShiftTowardDraft", "pasteShare", "pasteDominantLabels",
            "medianBlindMs", "focusLosses", "focusLossesPerLabel");

    public List<Object> cells() {
        return Arrays.asList(username, labels, revealed, finals, revealedFinals, revisedShare, acceptedShare,
                meanShiftTowardDraft, pasteShare, pasteDominantLabels, medianBlindMs, focusLosses, focusLossesPerLabel);
    }
}
