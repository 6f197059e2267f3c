package dev.blindfold.project;

import dev.blindfold.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A project's gold-item settings as a PATCH gives them, each optional: how often a queue position is a gold slot,
 * and the qualification (the first {@code qualificationItems} positions are gold; an annotator whose blind accuracy
 * on them is below {@code qualificationAccuracy} gets no real items). Plain Java.
 */
public record GoldSettings(
        @Schema(description = "Share of each annotator's queue positions that are gold slots, 0 to 1 (default 0.1).",
                minimum = "0", maximum = "1")
        Double goldRate,
        @Schema(description = "Qualification: how many first positions are gold items (0 turns it off, the default).",
                minimum = "0", maximum = "1000")
        Integer qualificationItems,
        @Schema(description = "Qualification: blind accuracy on those needed to get real items, 0 to 1 (default 0.8).",
                minimum = "0", maximum = "1")
        Double qualificationAccuracy) {

    public static final double DEFAULT_RATE = 0.1;
    public static final double DEFAULT_ACCURACY = 0.8;
    static final int MAX_QUALIFICATION_ITEMS = 1000;

    boolean empty() {
        return goldRate == null && qualificationItems == null && qualificationAccuracy == null;
    }

    /** Checks every given setting first, then sets them: a bad one changes nothing. */
    void applyTo(Project project) {
        share(goldRate, "goldRate");
        share(qualificationAccuracy, "qualificationAccuracy");
        if (qualificationItems != null && (qualificationItems < 0 || qualificationItems > MAX_QUALIFICATION_ITEMS)) {
            throw ProblemException.badRequest("invalid-project", "qualificationItems must be a whole number from 0"
                    + " (no qualification) to " + MAX_QUALIFICATION_ITEMS + ".");
        }
        if (goldRate != null) {
            project.goldRate = goldRate;
        }
        if (qualificationItems != null) {
            project.qualificationItems = qualificationItems;
        }
        if (qualificationAccuracy != null) {
            project.qualificationAccuracy = qualificationAccuracy;
        }
    }

    private static void share(Double value, String name) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw ProblemException.badRequest("invalid-project", name + " must be a number from 0 to 1.");
        }
    }
}
