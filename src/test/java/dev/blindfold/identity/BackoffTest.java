package dev.blindfold.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private final Backoff account = new Backoff(5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(15));

    @Test
    void theFreeFailuresCostNothingThenTheWaitDoublesUpToTheCap() {
        for (int failures = 0; failures <= 5; failures++) {
            assertNull(account.blockedUntil(failures, NOW), failures + " failures");
        }
        assertEquals(NOW.plusSeconds(1), account.blockedUntil(6, NOW));
        assertEquals(NOW.plusSeconds(2), account.blockedUntil(7, NOW));
        assertEquals(NOW.plusSeconds(32), account.blockedUntil(11, NOW));
        assertEquals(NOW.plusSeconds(60), account.blockedUntil(12, NOW));
        assertEquals(NOW.plusSeconds(60), account.blockedUntil(Integer.MAX_VALUE, NOW), "never past the cap, no overflow");
    }

    @Test
    void failuresCountInARowAndAreForgottenAfterAQuietSpell() {
        assertEquals(1, account.failuresAfter(0, null, NOW));
        assertEquals(4, account.failuresAfter(3, NOW.minusSeconds(60), NOW));
        assertEquals(1, account.failuresAfter(9, NOW.minus(Duration.ofMinutes(16)), NOW));
        assertEquals(Integer.MAX_VALUE, account.failuresAfter(Integer.MAX_VALUE, NOW, NOW));
    }

    @Test
    void aCapBelowTheFirstDelayIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(3, Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMinutes(1)));
    }
}
