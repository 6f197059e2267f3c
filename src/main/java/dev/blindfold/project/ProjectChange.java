package dev.blindfold.project;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a PATCH of a project may change, at least one of them: the status, the guidelines, the reservation time, the
 * minimum blind time, the label order, the adjudication threshold, the gold-item settings. The overview's forms change
 * one each.
 */
public record ProjectChange(
        @Schema(description = "ACTIVE, PAUSED or CLOSED; a closed project stays closed.")
        ProjectStatus status,
        @Schema(description = "New Markdown guidelines (at most 100,000 characters): a new guidelines version,"
                + " which labels committed from now on are written under and exported with. A text equal to the"
                + " one in force changes nothing; a closed project's guidelines cannot change.",
                maxLength = 100_000)
        String guidelines,
        @Schema(description = "How long, in seconds (1 to 604800, a week), an assignment without a blind answer"
                + " keeps its item's place before it is released; for assignments handed out or resumed from now on.",
                minimum = "1", maximum = "604800")
        Long reservationSeconds,
        @Schema(description = "The least time, in milliseconds (0 to 600000), an item's blind step should take on top"
                + " of reading its input; a faster blind answer is flagged fast_blind (never refused). Unset, it is"
                + " derived from the guidelines' length. For blind answers committed from now on.",
                minimum = "0", maximum = "600000")
        Long minBlindMs,
        @Schema(description = "CATEGORICAL: SHUFFLED (each assignment its own random label order) or FIXED (the"
                + " project's order, for ordinal scales); for items first shown from now on.")
        LabelOrder labelOrder,
        @Schema(description = "Adjudication: when an item's last blind answer commits and the share of its blind"
                + " answers equal to the most common one is below this, the item goes to a reviewer. 0 to 1;"
                + " 0 sends no item to review.", minimum = "0", maximum = "1")
        Double adjudicationBelow,
        @Schema(description = "Share of each annotator's queue positions that are gold slots, 0 to 1 (default 0.1).",
                minimum = "0", maximum = "1")
        Double goldRate,
        @Schema(description = "Qualification: how many first positions are gold items (0 turns it off, the default).",
                minimum = "0", maximum = "1000")
        Integer qualificationItems,
        @Schema(description = "Qualification: blind accuracy on those needed to get real items, 0 to 1 (default 0.8).",
                minimum = "0", maximum = "1")
        Double qualificationAccuracy) {

    /** A new status and nothing else. */
    public static ProjectChange status(ProjectStatus next) {
        return new ProjectChange(next, null, null, null, null, null, null, null, null);
    }

    /** A new adjudication threshold and nothing else. */
    public static ProjectChange adjudicationBelow(double below) {
        return new ProjectChange(null, null, null, null, null, below, null, null, null);
    }

    /** New gold-item settings (those given) and nothing else. */
    public static ProjectChange gold(GoldSettings gold) {
        return new ProjectChange(null, null, null, null, null, null, gold.goldRate(), gold.qualificationItems(),
                gold.qualificationAccuracy());
    }

    /** The gold-item settings given, checked and set together. */
    GoldSettings gold() {
        return new GoldSettings(goldRate, qualificationItems, qualificationAccuracy);
    }

    /** Whether it changes nothing. */
    boolean isEmpty() {
        return status == null && guidelines == null && reservationSeconds == null && minBlindMs == null
                && labelOrder == null && adjudicationBelow == null && gold().empty();
    }
}
