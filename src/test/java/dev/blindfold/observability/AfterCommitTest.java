package dev.blindfold.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A meter moves when its transaction commits, never when it rolls back, and at once outside a transaction. */
@QuarkusTest
class AfterCommitTest {

    @Inject
    AfterCommit afterCommit;

    @Test
    void runsOnlyAfterTheTransactionCommits() {
        AtomicInteger count = new AtomicInteger();
        QuarkusTransaction.requiringNew().run(() -> {
            afterCommit.run(count::incrementAndGet);
            assertEquals(0, count.get(), "not before the commit");
        });
        assertEquals(1, count.get());
    }

    @Test
    void neverRunsWhenTheTransactionRollsBack() {
        AtomicInteger count = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            afterCommit.run(count::incrementAndGet);
            throw new IllegalStateException("refused");
        }));
        assertThrows(QuarkusTransactionException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            afterCommit.run(count::incrementAndGet);
            QuarkusTransaction.setRollbackOnly();
            afterCommit.run(count::incrementAndGet);
        }));
        assertEquals(0, count.get());
    }

    @Test
    void runsAtOnceOutsideATransaction() {
        AtomicInteger count = new AtomicInteger();
        afterCommit.run(count::incrementAndGet);
        assertEquals(1, count.get());
    }
}
