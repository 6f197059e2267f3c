package dev.blindfold.identity;

import dev.blindfold.web.BlindfoldConfig;
import dev.blindfold.web.ProblemException;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** Password rules and bcrypt (hash and verify) in one place. */
@ApplicationScoped
public class Passwords {

    static final int MIN_PASSWORD = 8;
    /** bcrypt reads only the first 72 bytes of a password. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final int cost;
    /** Checked when the account does not exist, so a wrong name takes as long as a wrong password. */
    private final String decoy;

    Passwords(BlindfoldConfig config) {
        this.cost = config.passwords().bcryptCost();
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        this.decoy = BcryptUtil.bcryptHash(Base64.getEncoder().encodeToString(random), cost);
    }

    /** A new password's rules; the 400 names {@code field}. */
    void validate(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw ProblemException.badRequest("weak-password",
                    field + " must be at least " + MIN_PASSWORD + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ProblemException.badRequest("invalid-password", field + " must be at most " + MAX_PASSWORD_BYTES
                    + " bytes of UTF-8: bcrypt ignores the rest, so a longer one would not be what you think it is.");
        }
    }

    String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    /** Whether {@code password} matches; {@code hash} null (no such account) spends the same time and says no. */
    boolean matches(String password, String hash) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        if (hash == null) {
            BcryptUtil.matches(password, decoy);
            return false;
        }
        return BcryptUtil.matches(password, hash);
    }
}
