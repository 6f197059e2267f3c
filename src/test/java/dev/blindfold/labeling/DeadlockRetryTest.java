package dev.blindfold.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeadlockRetryTest {

    private static RuntimeException deadlock() {
        return new PessimisticLockException("deadlock detected", new SQLException("deadlock detected", "40P01"));
    }

    @Test
    void aDeadlockVictimRunsAgainAndItsResultIsReturned() {
        AtomicInteger calls = new AtomicInteger();
        String result = DeadlockRetry.run(() -> {
            if (calls.incrementAndGet() < 3) {
                throw deadlock();
            }
            return "assigned";
        });
        assertEquals("assigned", result);
        assertEquals(3, calls.get());
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException other = new IllegalStateException("no such project");
        assertSame(other, assertThrows(IllegalStateException.class, () -> DeadlockRetry.run(() -> {
            calls.incrementAndGet();
            throw other;
        })));
        assertEquals(1, calls.get());
    }

    @Test
    void aDeadlockThatKeepsComingBackIsThrownAfterTheLastAttempt() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(PessimisticLockException.class, () -> DeadlockRetry.run(() -> {
            calls.incrementAndGet();
            throw deadlock();
        }));
        assertEquals(DeadlockRetry.ATTEMPTS, calls.get());
    }

    @Test
    void h2ReportsItsDeadlocksAsSerializationFailures() {
        assertEquals(true, DeadlockRetry.deadlock(new RuntimeException(new SQLException("Deadlock detected", "40001"))));
        assertEquals(false, DeadlockRetry.deadlock(new RuntimeException(new SQLException("Timeout", "HYT00"))));
    }
}
