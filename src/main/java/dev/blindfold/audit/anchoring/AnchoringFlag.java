package dev.blindfold.audit.anchoring;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A label whose blind step looks unlike independent work, with the figure that says so.
 *
 * @param kind {@code paste_dominant} (blind answer mostly pasted), {@code fast_blind} (blind step shorter than the
 *             item's reading time plus the project's minimum, or than {@code blindfold.audit.min-blind-ms}, whichever
 *             is longer: {@code project.BlindTime}), {@code focus_losses} (focus lost during the blind step at least
 *             {@code blindfold.audit.max-blind-focus-losses} times) or {@code offscreen_composition} (focus away for
 *             most of the blind step) or {@code seen_before_commit} (drafts of the same input or text had been shown
 *             to the annotator before the commit)
 * @param detail the figure, e.g. "92% pasted", "1.2 s blind, 6.0 s needed (4.0 s to read the item + 2.0 s project
 *               minimum)", "5 focus losses"
 */
public record AnchoringFlag(String kind, long assignmentId, String annotator, String externalId, Instant committedAt,
                            String detail) {

    public static final String PASTE_DOMINANT = "paste_dominant";
    public static final String FAST_BLIND = "fast_blind";
    public static final String FOCUS_LOSSES = "focus_losses";
    public static final String OFFSCREEN_COMPOSITION = "offscreen_composition";
    public static final String SEEN_BEFORE_COMMIT = "seen_before_commit";

    public static final List<String> COLUMNS = List.of("kind", "assignmentId", "annotator", "externalId", "committedAt",
            "detail");

    public List<Object> cells() {
        return Arrays.asList(kind, assignmentId, annotator, externalId, committedAt, detail);
    }
}
