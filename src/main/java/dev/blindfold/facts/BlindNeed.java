package dev.blindfold.facts;

/**
 * What one label's blind step was held to, as kept with its blind answer at the commit: the time to read its item and
 * the project's minimum for deciding ({@code project.BlindTime}); both null for labels committed before the rule. The
 * figures are the ones in force at the commit, so a project that changes its minimum later judges only its new labels
 * by it, and kept facts never need a scan to follow a setting. Plain Java.
 */
public record BlindNeed(Integer readingMs, Integer decisionMs) {

    /** A label committed before V23: only the configured floor applies. */
    public static final BlindNeed NONE = new BlindNeed(null, null);

    /** The shortest blind step that is not {@code fast_blind}: reading plus deciding, never under {@code floorMs}. */
    public long needMs(long floorMs) {
        long item = (readingMs == null ? 0L : readingMs) + (decisionMs == null ? 0L : decisionMs);
        return Math.max(floorMs, item);
    }
}
