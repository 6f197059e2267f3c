package dev.blindfold.review;

/**
 * A project's adjudication figures, read from its kept counts: items sent to review, items adjudicated (a reviewer
 * committed an answer), those still open, and the shares. {@code below} is the project's threshold (0: off).
 * {@code sentShare} is of the project's items with as many blind answers as its overlap ({@code doneItems}), null
 * when there are none; {@code adjudicatedShare} is of the items sent, null when none were.
 */
public record AdjudicationRates(long projectId, double below, long doneItems, long sent, long adjudicated, long open,
                                Double sentShare, Double adjudicatedShare) {

    static AdjudicationRates of(long projectId, double below, long doneItems, long sent, long adjudicated) {
        return new AdjudicationRates(projectId, below, doneItems, sent, adjudicated, sent - adjudicated,
                doneItems == 0 ? null : (double) sent / doneItems, sent == 0 ? null : (double) adjudicated / sent);
    }
}
