package dev.blindfold.labeling;

/**
 * The item's last blind answer (as many as the project's overlap) was committed in the running transaction. Fired
 * to synchronous observers by {@link LabelingService#commit} after the commit's event and while it holds the item's
 * row (its label count was just raised), so the other answers are committed and no other commit of the item runs
 * beside it: an observer sees every blind answer of the item, exactly once.
 */
public record BlindAnswersComplete(long projectId, long itemId) {
}
