package dev.blindfold.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential backoff after failed sign-ins, for one key (an account or a client). {@code freeFailures} failures in
 * a row cost nothing; the next one blocks sign-in for {@code firstDelay}, each further one twice as long, never more than
 * {@code maxDelay}. A failure more than {@code forgetAfter} after the previous one starts counting again.
 */
record Backoff(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {

    Backoff {
        if (freeFailures < 0 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= free failures and first delay <= max delay");
        }
    }

    /** The count after one more failure at {@code now}, given the count so far and when the last failure was. */
    int failuresAfter(int failures, Instant lastFailure, Instant now) {
        if (lastFailure == null || lastFailure.plus(forgetAfter).isBefore(now)) {
            return 1;
        }
        return failures == Integer.MAX_VALUE ? failures : failures + 1;
    }

    /** Until when sign-in is blocked after {@code failures} failures, the last at {@code now}; null: not blocked. */
    Instant blockedUntil(int failures, Instant now) {
        if (failures <= freeFailures) {
            return null;
        }
        int doublings = Math.min(failures - freeFailures - 1, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        if (delay.compareTo(maxDelay) > 0 || delay.isNegative()) {
            delay = maxDelay;
        }
        return now.plus(delay);
    }
}
