package dev.blindfold.labeling;

import dev.blindfold.web.SqlStates;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a transaction again when the database chose it as a deadlock victim. Handing out the next assignment locks
 * candidate items one by one in each annotator's own random order and keeps the locks of items it finds full, so two
 * annotators can each hold the item the other wants next; PostgreSQL then aborts one of them (TwoNodesIT caught it as
 * a 500 on {@code next}). The whole transaction rolled back, so running it again is safe, and by then the other has
 * committed. Call it outside the transaction.
 */
final class DeadlockRetry {

    static final int ATTEMPTS = 4;
    private static final Set<String> VICTIM_STATES = Set.of("40P01", "40001");

    private DeadlockRetry() {
    }

    static <T> T run(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !deadlock(e)) {
                    throw e;
                }
            }
        }
    }

    /** PostgreSQL's deadlock_detected (40P01), or a serialization failure (40001, which H2 reports for deadlocks). */
    static boolean deadlock(Throwable e) {
        return SqlStates.causedBy(e, VICTIM_STATES);
    }
}
