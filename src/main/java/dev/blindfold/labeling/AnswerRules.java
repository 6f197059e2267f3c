package dev.blindfold.labeling;

import dev.blindfold.project.Project;
import dev.blindfold.project.TaskType;
import dev.blindfold.web.ProblemException;
import java.util.Map;

/** What a valid answer and a valid set of ratings are. Plain Java: no database, no Quarkus. */
final class AnswerRules {

    static final int MIN_RATING = 1;
    static final int MAX_RATING = 5;

    private AnswerRules() {
    }

    /** Checks an answer for the project's task type and returns it unchanged. */
    static String check(Project project, String answer, int maxLength, String field) {
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
