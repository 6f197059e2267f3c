package dev.blindfold.identity;

import io.quarkus.security.AuthenticationFailedException;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A sign-in refused by the throttle without the password being checked: an {@link AuthenticationFailedException}
 * (so everything that treats bad credentials as "not signed in" still does) carrying how long to wait, which the web
 * layer answers as 429 with Retry-After.
 */
public final class SignInRefusals {

    static final String RETRY_AFTER = "blindfold.retry-after-seconds";

    private SignInRefusals() {
    }

    static AuthenticationFailedException throttled(long seconds) {
        return new AuthenticationFailedException("Too many failed sign-ins", Map.of(RETRY_AFTER, seconds));
    }

    /** The seconds to wait, if this failure was the throttle's. */
    public static OptionalLong retryAfter(AuthenticationFailedException e) {
        Object seconds = e.getAttributes() == null ? null : e.getAttributes().get(RETRY_AFTER);
        return seconds instanceof Long s ? OptionalLong.of(s) : OptionalLong.empty();
    }
}
