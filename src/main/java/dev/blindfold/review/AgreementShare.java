package dev.blindfold.review;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether an item's blind answers disagree enough to go to a reviewer. Answers are compared as project agreement
 * compares them (agreement.AnswerUnits, facts.AnswerKey): exact text, equal or not, for every task type; a CATEGORICAL
 * answer is a label, so that is label equality. Plain Java.
 */
final class AgreementShare {

    private AgreementShare() {
    }

    /** The share of {@code answers} equal to the most common one; 1 for none or one. */
    static double of(Collection<String> answers) {
        if (answers.size() < 2) {
            return 1;
        }
        Map<String, Integer> counts = new HashMap<>();
        int most = 0;
        for (String answer : answers) {
            most = Math.max(most, counts.merge(answer, 1, Integer::sum));
        }
        return (double) most / answers.size();
    }

    /** Whether a share sends the item to review under threshold {@code below} (0 sends nothing). */
    static boolean sendsToReview(double share, double below) {
        return share < below;
    }
}
