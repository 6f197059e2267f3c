package dev.blindfold.audit.mirrorgap;

import java.util.Arrays;
import java.util.List;

/**
 * The mirror gap of one model family in one project: a row of {@code GET /api/projects/{id}/audit/mirror-gap}.
 *
 * @param family       the model family
 * @param items        items scored: with a draft of the family and both a blind and a final gold
 * @param drafts       item-draft pairs scored
 * @param blindScore   mean score of the family's drafts against the gold from blind answers
 * @param finalScore   mean score against the gold from final answers
 * @param gap          {@code finalScore − blindScore}; positive: the family is graded by a mirror
 * @param ciLow        lower bound of the gap's 95% bootstrap interval (items resampled)
 * @param ciHigh       upper bound
 * @param skippedItems items with drafts of the family left out: no blind or no final gold (no answers yet,
 *                     or a tied categorical vote)
 */
public record MirrorGapRow(String family, int items, int drafts, Double blindScore, Double finalScore, Double gap,
                           Double ciLow, Double ciHigh, int skippedItems) {

    /** Column names of the CSV, in the order of {@link #cells()}: the JSON names. */
    public static final List<String> COLUMNS = List.of("family", "items", "drafts", "blindScore", "finalScore", "gap",
            "ciLow", "ciHigh", "skippedItems");

    public List<Object> cells() {
        return Arrays.asList(family, items, drafts, blindScore, finalScore, gap, ciLow, ciHigh, skippedItems);
    }

    static MirrorGapRow of(String family, MirrorGap.Estimate e, int skippedItems) {
        return new MirrorGapRow(family, e.items(), e.drafts(), orNull(e.blindScore()), orNull(e.finalScore()),
                orNull(e.gap()), orNull(e.ciLow()), orNull(e.ciHigh()), skippedItems);
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
