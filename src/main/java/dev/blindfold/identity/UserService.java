package dev.blindfold.identity;

import dev.blindfold.web.BlindfoldConfig;
import dev.blindfold.web.ProblemException;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.regex.Pattern;

/** Creates users with bcrypt-hashed passwords and validated roles. */
@ApplicationScoped
@Transactional
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{1,63}");
    static final int MIN_PASSWORD = 8;
    /** bcrypt reads only the first 72 bytes of a password. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final BlindfoldConfig config;

    UserService(BlindfoldConfig config) {
        this.config = config;
    }

    public User create(String username, String password, Collection<String> roles) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ProblemException.badRequest("invalid-username",
                    "username must be 2-64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw ProblemException.badRequest("weak-password",
                    "password must be at least " + MIN_PASSWORD + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ProblemException.badRequest("invalid-password", "password must be at most " + MAX_PASSWORD_BYTES
                    + " bytes of UTF-8: bcrypt ignores the rest, so a longer one would not be what you think it is.");
        }
        if (roles == null || roles.isEmpty()) {
            throw ProblemException.badRequest("invalid-roles", "roles must name at least one of " + Roles.ALL + ".");
        }
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String role : roles) {
            if (!Roles.ALL.contains(role)) {
                throw ProblemException.badRequest("invalid-roles", "unknown role '" + role + "'; roles are " + Roles.ALL + ".");
            }
            clean.add(role);
        }
        if (User.byUsername(username).isPresent()) {
            throw ProblemException.conflict("username-taken", "A user named '" + username + "' already exists.");
        }
        User user = new User();
        user.username = username;
        user.passwordHash = BcryptUtil.bcryptHash(password, config.passwords().bcryptCost());
        user.roles = String.join(",", clean);
        user.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        user.persist();
        return user;
    }
}
