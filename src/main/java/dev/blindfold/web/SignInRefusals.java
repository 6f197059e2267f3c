package dev.blindfold.web;

import io.quarkus.security.AuthenticationFailedException;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A sign-in refused by the throttle without the password being checked: an {@link AuthenticationFailedException}
 * (so everything that treats bad credentials as "not signed in" still does) carrying how long to wait, which
 * {@link ErrorMappers} answers as 429 with Retry-After. Raised by identity's throttle.
 */
public final class SignInRefusals {

    private static final String RETRY_AFTER = "blindfold.retry-after-seconds";

    private SignInRefusals() {
    }

    /** The refusal the sign-in throttle raises: wait {@code seconds} before trying again. */
    public static AuthenticationFailedException throttled(long seconds) {
        return new AuthenticationFailedException("Too many failed sign-ins", Map.of(RETRY_AFTER, seconds));
    }

    /** The seconds to wait, if this failure was the throttle's. */
    public static OptionalLong retryAfter(AuthenticationFailedException e) {
        Object seconds = e.getAttributes() == null ? null : e.getAttributes().get(RETRY_AFTER);
        return seconds instanceof Long s ? OptionalLong.of(s) : OptionalLong.empty();
    }
}
