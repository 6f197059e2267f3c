package dev.blindfold.review;

import java.time.Instant;
import java.util.List;

/**
 * What a reviewer is shown of an item to adjudicate: its input, the project's guidelines, and its blind answers,
 * numbered 1..n in the random order logged with REVIEW_SHOWN and carrying nothing of who wrote them. Nothing about the
 * item's drafts (B1): they come from the reveal, after the commit. {@code committedAnswer} is set once committed;
 * {@code revealed} once the drafts were shown; {@code reservedUntil} while it waits for the commit.
 */
public record ReviewView(long itemId, long projectId, String projectName, String taskType, List<String> labels,
                         String externalId, String input, String guidelines, int guidelinesVersion,
                         List<ShownAnswer> answers, String status, String committedAnswer, boolean revealed,
                         Instant reservedUntil) {

    /** A blind answer as the reviewer sees it: its number in the shown order, and its text. */
    public record ShownAnswer(int slot, String text) {
    }

    public boolean committed() {
        return committedAnswer != null;
    }
}
