package dev.blindfold.facts;

import dev.blindfold.exposure.ExposureRules;
import dev.blindfold.exposure.ExposureThresholds;
import java.util.Locale;

/**
 * The lines label facts are drawn with: the classifier's thresholds and the audit's flag limits. Facts kept under
 * other lines are rebuilt at start ({@link #fingerprint}).
 *
 * @param minBlindMs the floor: blind steps shorter than this are {@code fast_blind}, and so are those shorter than their
 *                   item's {@link BlindNeed} (kept with the blind answer since V23)
 * @param maxBlindFocusLosses this many focus losses in the blind step or more are {@code focus_losses}
 */
public record FlagLimits(ExposureThresholds thresholds, long minBlindMs, int maxBlindFocusLosses) {

    /** Bumped when what a fact holds or how it is derived changes, so a start rebuilds kept facts. */
    static final int FACTS_VERSION = 2;

    public String fingerprint() {
        return String.format(Locale.ROOT, "facts=%d rules=%s nearIdentical=%s pasteDominant=%s offscreen=%s minBlindMs=%d"
                        + " maxBlindFocusLosses=%d", FACTS_VERSION, ExposureRules.V2, thresholds.nearIdentical(),
                thresholds.pasteDominant(), thresholds.offscreen(), minBlindMs, maxBlindFocusLosses);
    }
}
