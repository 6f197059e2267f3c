package dev.blindfold.labeling;

/**
 * ASSIGNED (shown, no answer yet) → COMMITTED (blind answer stored) → FINAL; or ASSIGNED → SKIPPED (the annotator
 * passed); or ASSIGNED → RELEASED (its reservation ran out, or label ops removed the annotator: {@link Reservations}).
 * Only an ASSIGNED assignment is ever released, so nothing committed is.
 */
public enum AssignmentStatus {
    ASSIGNED,
    COMMITTED,
    FINAL,
    SKIPPED,
    RELEASED;

    /** Whether the assignment no longer holds a place of its item. */
    public boolean gaveUpItsPlace() {
        return this == SKIPPED || this == RELEASED;
    }
}
