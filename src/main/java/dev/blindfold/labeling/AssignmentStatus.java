package dev.blindfold.labeling;

/** ASSIGNED (shown, no answer yet) → COMMITTED (blind answer stored) → FINAL; or ASSIGNED → SKIPPED. */
public enum AssignmentStatus {
    ASSIGNED,
    COMMITTED,
    FINAL,
    SKIPPED
}
