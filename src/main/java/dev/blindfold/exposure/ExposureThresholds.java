package dev.blindfold.exposure;

/**
 * Where the exposure rules draw their lines.
 *
 * @param nearIdentical a final answer whose edit similarity to a shown draft is at least this counts as
 *                      accepting the draft
 * @param pasteDominant share of the blind answer's characters that arrived by paste above which the
 *                      blind answer is flagged {@code paste_dominant}
 * @param offscreen     share of the blind step (shown → commit) spent with focus away above which the
 *                      blind answer is flagged {@code offscreen_composition}
 */
public record ExposureThresholds(double nearIdentical, double pasteDominant, double offscreen) {

    public static final ExposureThresholds DEFAULTS = new ExposureThresholds(0.9, 0.5, 0.5);
}
