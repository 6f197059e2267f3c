package dev.blindfold.review;

/** Where an item sent to review stands. */
public enum AdjudicationStatus {
    /** In the queue, or held by a reviewer until its reservation runs out; nothing committed. */
    WAITING,
    /** The adjudicated answer is committed, written before any draft was shown to the reviewer. */
    COMMITTED,
    /** After the reveal, the reviewer kept, revised or accepted: the adjudication is final. */
    FINAL
}
