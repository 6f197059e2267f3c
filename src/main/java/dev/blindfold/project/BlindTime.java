package dev.blindfold.project;

/**
 * The attention check's rule: how long a blind step must at least take before it looks faster than the work is
 * possible. An item needs the time to read its input plus the project's minimum for deciding; the configured
 * {@code blindfold.audit.min-blind-ms} stays the floor (applied where label facts are drawn). A shorter blind step is
 * flagged {@code fast_blind}, never refused: an annotator who knows the answer at a glance is not stopped. Plain Java.
 *
 * <ul>
 * <li>Reading: {@value #READ_CHARS_PER_SECOND} characters a second, about 1,500 words a minute: twice what skimming
 * reaches, so only an answer given faster than anyone could read the item is flagged.</li>
 * <li>Deciding, unless label ops set the project's own: {@value #BASE_DECISION_MS} ms plus {@value #MS_PER_GUIDELINES_KCHAR}
 * ms per 1,000 characters of the guidelines in force, at most {@value #MAX_DERIVED_DECISION_MS} ms: longer guidelines
 * mean more rules to weigh per item.</li>
 * </ul>
 */
public final class BlindTime {

    public static final int READ_CHARS_PER_SECOND = 150;
    public static final int BASE_DECISION_MS = 1_000;
    public static final int MS_PER_GUIDELINES_KCHAR = 1_000;
    public static final int MAX_DERIVED_DECISION_MS = 10_000;
    /** The most label ops may set: ten minutes on one item's decision is no longer an attention check. */
    public static final int MAX_DECISION_MS = 600_000;

    private BlindTime() {
    }

    /** The time to read an input of this many characters at {@link #READ_CHARS_PER_SECOND}, rounded down. */
    public static int readingMs(String input) {
        long chars = input == null ? 0 : input.codePointCount(0, input.length());
        return (int) Math.min(Integer.MAX_VALUE, chars * 1000 / READ_CHARS_PER_SECOND);
    }

    /** The project's minimum for deciding when label ops set none, from the length of its guidelines. */
    public static int derivedDecisionMs(String guidelines) {
        long chars = guidelines == null ? 0 : guidelines.length();
        return (int) Math.min(MAX_DERIVED_DECISION_MS, BASE_DECISION_MS + chars * MS_PER_GUIDELINES_KCHAR / 1000);
    }

    /** The project's minimum for deciding: the one label ops set, else {@link #derivedDecisionMs}. */
    public static int decisionMs(Project project) {
        return project.minBlindMs != null ? project.minBlindMs : derivedDecisionMs(project.guidelines);
    }
}
