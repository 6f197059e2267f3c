package dev.blindfold.project;

import dev.blindfold.web.ProblemException;

/**
 * A project's gold-item settings as a PATCH gives them ({@link ProjectChange}), each optional: how often a queue
 * position is a gold slot, and the qualification (the first {@code qualificationItems} positions are gold; an
 * annotator whose blind accuracy on them is below {@code qualificationAccuracy} gets no real items). Plain Java.
 */
public record GoldSettings(Double goldRate, Integer qualificationItems, Double qualificationAccuracy) {

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
