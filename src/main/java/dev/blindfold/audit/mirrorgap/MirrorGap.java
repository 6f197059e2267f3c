package dev.blindfold.audit.mirrorgap;

import dev.blindfold.exposure.Similarity;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The mirror gap of one model family: how much better its drafts match the gold built from final answers
 * (written after the drafts were shown) than the gold built from blind answers. Plain Java.
 *
 * <ul>
 *   <li>A draft's score against an item's gold ({@link #score}): for free text the gold is the item's set of
 *       references, and the score is the best token F1 against any of them; for CATEGORICAL, 1 when the draft's
 *       text is the gold label, else 0.</li>
 *   <li>Scores are means over the family's item-draft pairs; {@code gap = final − blind}. A positive gap
 *       means the family is graded by a mirror of itself.</li>
 *   <li>The 95% confidence interval of the gap is a percentile bootstrap that resamples items with
 *       replacement (drafts of one item are not independent), paired: one resample gives both the blind and the
 *       final mean. Bounds are the sorted resampled gaps at {@code floor(0.025·B)} and {@code ceil(0.975·B) − 1}.</li>
 *   <li>A family with more scored items than a bootstrap is run for gets a normal interval from sums alone
 *       ({@link #fromSums}): the gap is a ratio of sums over items, whose standard error by the delta method is
 *       {@code sqrt(n/(n−1) · Σ(dᵢ − gap·xᵢ)²) / Σxᵢ} (dᵢ an item's final minus blind score sum, xᵢ its drafts),
 *       and the bounds are {@code gap ± 1.96·se}; with that many items the bootstrap's percentiles come to the same.</li>
 * </ul>
 */
public final class MirrorGap {

    /** One item's drafts of the family: how many, and their scores summed against blind and against final gold. */
    public record ItemScores(int drafts, double blind, double fin) {
    }

    /** Means over item-draft pairs, the gap and its bootstrap interval. */
    public record Estimate(int items, int drafts, double blindScore, double finalScore, double gap,
                           double ciLow, double ciHigh) {
    }

    private static final double ALPHA = 0.05;
    /** The normal quantile at {@code 1 − ALPHA/2}. */
    private static final double Z = 1.959963984540054;

    private MirrorGap() {
    }

    /** A draft's score against an item's gold: best token F1 over free-text references, or exact match to the label. */
    public static double score(String draft, List<String> gold, boolean freeText) {
        if (!freeText) {
            return gold.contains(draft) ? 1.0 : 0.0;
        }
        Similarity.Prepared d = Similarity.Prepared.of(draft);
        double best = 0;
        for (String reference : gold) {
            best = Math.max(best, Similarity.tokenF1(d, Similarity.Prepared.of(reference)));
        }
        return best;
    }

    /**
     * @param items     the family's scored items; each has at least one draft
     * @param resamples bootstrap resamples (at least 1)
     * @param random    the bootstrap's source; seed it for reproducible intervals
     */
    public static Estimate estimate(List<ItemScores> items, int resamples, SplittableRandom random) {
        if (items.isEmpty()) {
            return new Estimate(0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1");
        }
        int drafts = 0;
        double blind = 0;
        double fin = 0;
        for (ItemScores item : items) {
            drafts += item.drafts();
            blind += item.blind();
            fin += item.fin();
        }
        double[] gaps = new double[resamples];
        int n = items.size();
        for (int b = 0; b < resamples; b++) {
            int d = 0;
            double diff = 0;
            for (int i = 0; i < n; i++) {
                ItemScores item = items.get(random.nextInt(n));
                d += item.drafts();
                diff += item.fin() - item.blind();
            }
            gaps[b] = diff / d;
        }
        Arrays.sort(gaps);
        int low = (int) Math.floor(ALPHA / 2 * resamples);
        int high = (int) Math.ceil((1 - ALPHA / 2) * resamples) - 1;
        return new Estimate(n, drafts, blind / drafts, fin / drafts, (fin - blind) / drafts,
                gaps[low], gaps[Math.max(low, high)]);
    }

    /**
     * The estimate from sums over the scored items (at least 2): {@code drafts} Σxᵢ, {@code blind} and {@code fin}
     * Σbᵢ and Σfᵢ, {@code diffSquares} Σdᵢ², {@code diffDrafts} Σdᵢxᵢ, {@code draftSquares} Σxᵢ², with dᵢ = fᵢ − bᵢ;
     * an interval by the delta method (see the class comment).
     */
    public static Estimate fromSums(long items, long drafts, double blind, double fin, double diffSquares,
                                    double diffDrafts, double draftSquares) {
        if (items < 2) {
            throw new IllegalArgumentException("a normal interval needs at least 2 items");
        }
        double gap = (fin - blind) / drafts;
        double residualSquares = Math.max(0, diffSquares - 2 * gap * diffDrafts + gap * gap * draftSquares);
        double se = Math.sqrt((double) items / (items - 1) * residualSquares) / drafts;
        return new Estimate(Math.toIntExact(items), Math.toIntExact(drafts), blind / drafts, fin / drafts, gap,
                gap - Z * se, gap + Z * se);
    }
}
