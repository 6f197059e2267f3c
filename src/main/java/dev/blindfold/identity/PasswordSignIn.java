package dev.blindfold.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Checks a username and password, for the sign-in form, HTTP Basic and a password change, under the throttle: an
 * account or client in backoff is answered {@link Throttled} without the password being looked at; a wrong password
 * (or unknown name) counts a failure; a correct one clears the account's count. Deactivated accounts are refused.
 * No transaction spans the bcrypt check, so a slow hash holds no database connection.
 */
@ApplicationScoped
public class PasswordSignIn {

    /** Longest name looked up; longer ones exist nowhere but still cost a check and count as a failure. */
    private static final int MAX_USERNAME = 100;

    public sealed interface Outcome permits SignedIn, Refused, Throttled {
    }

    public record SignedIn(User user) implements Outcome {
    }

    public record Refused() implements Outcome {
    }

    public record Throttled(Duration retryAfter) implements Outcome {
        /** Whole seconds for Retry-After, at least 1. */
        public long seconds() {
            return Math.max(1, retryAfter.plusMillis(999).toSeconds());
        }
    }

    private final SignInThrottle throttle;
    private final UserService users;
    private final Passwords passwords;

    PasswordSignIn(SignInThrottle throttle, UserService users, Passwords passwords) {
        this.throttle = throttle;
        this.users = users;
        this.passwords = passwords;
    }

    /** {@code client} is the remote address the request came from (as Vert.x reports it). */
    public Outcome attempt(String username, String password, String client) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return new Refused();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        SignInThrottle.Check check = throttle.check(username, client, now);
        if (check.blocked()) {
            return new Throttled(check.retryAfter());
        }
        User user = username.length() > MAX_USERNAME ? null : users.byName(username).orElse(null);
        if (!passwords.matches(password, user == null ? null : user.passwordHash)) {
            failed(username, client, now);
            return new Refused();
        }
        if (!user.active) {
            return new Refused();
        }
        if (check.accountFailed()) {
            throttle.succeeded(username);
        }
        return new SignedIn(user);
    }

    /** Two nodes counting the first failure of one key at once: the loser's insert collides; it counts again. */
    private void failed(String username, String client, Instant now) {
        try {
            throttle.failed(username, client, now);
        } catch (RuntimeException collided) {
            throttle.failed(username, client, now);
        }
    }
}
