package dev.blindfold.labeling;

import dev.blindfold.project.Project;
import dev.blindfold.project.TaskType;
import dev.blindfold.web.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a valid answer, decision and set of ratings are. Plain Java: no database, no Quarkus. */
public final class AnswerRules {

    static final int MIN_RATING = 1;
    static final int MAX_RATING = 5;

    private AnswerRules() {
    }

    /** Checks an answer for the project's task type and returns it unchanged. */
    public static String check(Project project, String answer, int maxLength, String field) {
        if (answer == null || answer.isBlank()) {
            throw ProblemException.badRequest("invalid-answer", field + " is required and must not be blank.");
        }
        if (answer.length() > maxLength) {
            throw ProblemException.badRequest("invalid-answer", field + " is longer than " + maxLength + " characters.");
        }
        if (project.taskType == TaskType.CATEGORICAL && !project.labelList().contains(answer)) {
            throw ProblemException.badRequest("invalid-answer",
                    field + " must be one of the project's labels: " + project.labelList() + ".");
        }
        return answer;
    }

    /**
     * The text of the draft an ACCEPT takes as the final answer. On a CATEGORICAL project it must be one of the
     * project's labels, compared as {@link #check} compares a categorical answer (exactly): an imported draft may say
     * anything, and accepting it would make a final answer outside the label set. A 400 naming {@code acceptedSlot}:
     * the request asks for something this project cannot take, as an answer outside the labels is; another slot or
     * REVISE to a label is the way on.
     */
    public static String checkAccepted(Project project, String slot, String draftText) {
        if (project.taskType == TaskType.CATEGORICAL && !project.labelList().contains(draftText)) {
            throw ProblemException.badRequest("draft-not-a-label", "acceptedSlot " + slot
                    + " names a draft whose text is not one of the project's labels (" + String.join(", ", project.labelList())
                    + "); accept a draft that is a label, or REVISE to a label.");
        }
        return draftText;
    }

    /** Refuses a decision the project's task type does not take, naming those it does. */
    static void checkDecision(TaskType type, Decision decision) {
        Set<Decision> allowed = Decision.allowedFor(type);
        if (decision == null) {
            throw ProblemException.badRequest("invalid-final", "decision is required: " + Decision.describe(allowed) + ".");
        }
        if (!allowed.contains(decision)) {
            throw ProblemException.badRequest("invalid-final",
                    "a " + type + " project takes the decision " + Decision.describe(allowed) + ".");
        }
    }

    /** Like {@link #checkRatings}, and every shown slot must be rated (RATE); the missing ones are named. */
    static void checkEveryDraftRated(Map<String, Integer> ratings, int slotCount) {
        checkRatings(ratings, slotCount);
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < slotCount; i++) {
            if (!ratings.containsKey(DraftSlots.slot(i))) {
                missing.add(DraftSlots.slot(i));
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest("invalid-rating", "every shown draft needs a rating from " + MIN_RATING + " to "
                    + MAX_RATING + "; missing: draft " + String.join(", ", missing) + ".");
        }
    }

    /** Ratings name shown slots (0..slotCount-1 as "A".."Z") with whole numbers 1-5. */
    static void checkRatings(Map<String, Integer> ratings, int slotCount) {
        for (Map.Entry<String, Integer> r : ratings.entrySet()) {
            int index = DraftSlots.index(r.getKey());
            if (index < 0 || index >= slotCount) {
                throw ProblemException.badRequest("invalid-rating", "ratings name an unknown draft slot '" + r.getKey() + "'.");
            }
            Integer value = r.getValue();
            if (value == null || value < MIN_RATING || value > MAX_RATING) {
                throw ProblemException.badRequest("invalid-rating",
                        "rating of draft " + r.getKey() + " must be a whole number from " + MIN_RATING + " to " + MAX_RATING + ".");
            }
        }
    }
}
