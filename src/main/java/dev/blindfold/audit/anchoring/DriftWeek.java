package dev.blindfold.audit.anchoring;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One ISO week (Monday, UTC) of a project's labels by commit time. Shares, means and alphas are {@code null}
 * (never NaN) when nothing defines them; a week without labels between the first and the last has only nulls.
 *
 * @param week                  the Monday that starts the week
 * @param isoWeek               the same week as ISO-8601 text, {@code 2026-W02}
 * @param labels                labels committed in the week
 * @param blindAlpha            Krippendorff's alpha (nominal) of the week's blind answers, units = items
 * @param finalAlpha            the same over the week's final answers (labels with a saved final decision)
 * @param revealedFinals        revealed labels with a final decision: the base of the next two figures
 * @param acceptedShare         of those, the share draft_accepted
 * @param meanFinalDraftSimilarity of those with a shown draft, the mean edit similarity of the final answer to its closest draft
 */
public record DriftWeek(LocalDate week, String isoWeek, long labels, Double blindAlpha, Double finalAlpha,
                        long revealedFinals, Double acceptedShare, Double meanFinalDraftSimilarity) {

    public static final List<String> COLUMNS = List.of("week", "isoWeek", "labels", "blindAlpha", "finalAlpha",
            "revealedFinals", "acceptedShare", "meanFinalDraftSimilarity");

    /** The week as ISO-8601 text, {@code 2026-W02}. */
    public static String isoWeek(LocalDate day) {
        return String.format(java.util.Locale.ROOT, "%d-W%02d", day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public List<Object> cells() {
        return Arrays.asList(week, isoWeek, labels, blindAlpha, finalAlpha, revealedFinals, acceptedShare,
                meanFinalDraftSimilarity);
    }
}
