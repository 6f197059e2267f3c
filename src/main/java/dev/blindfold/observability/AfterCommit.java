package dev.blindfold.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Defers an action (a counter, a timer) until the current transaction has committed, so a request that is
 * refused or rolled back is never counted. Outside a transaction the action runs at once.
 */
@ApplicationScoped
public class AfterCommit {

    private final TransactionSynchronizationRegistry transactions;

    AfterCommit(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** Runs {@code action} after the current transaction commits; never if it rolls back. */
    public void run(Runnable action) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            action.run();
        } else if (status == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new OnCommit(action));
        }
        // Any other status (marked for rollback, rolling back) will not commit: nothing to count.
    }

    private record OnCommit(Runnable action) implements Synchronization {
        @Override
        public void beforeCompletion() {
            // nothing to do before the commit
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                action.run();
            }
        }
    }
}
