package dev.blindfold.identity;

import dev.blindfold.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Accounts: create, list, change roles or deactivate, reset or change a password. Every change that could matter to
 * a signed-in browser (password, roles, deactivation) ends all of that user's sessions in the same transaction.
 */
@ApplicationScoped
@Transactional
public class UserService {

    private final Passwords passwords;
    private final SessionService sessions;

    UserService(Passwords passwords, SessionService sessions) {
        this.passwords = passwords;
        this.sessions = sessions;
    }

    public User create(String username, String password, Collection<?> roles) {
        if (!Usernames.allowed(username)) {
            throw ProblemException.badRequest("invalid-username",
                    "username must be 2-64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        passwords.validate("password", password);
        List<String> clean = RoleRules.validate(roles);
        if (User.byUsername(username).isPresent()) {
            throw ProblemException.conflict("username-taken", "A user named '" + Usernames.canonical(username)
                    + "' already exists (usernames do not depend on letter case).");
        }
        User user = new User();
        user.username = Usernames.canonical(username);
        user.passwordHash = passwords.hash(password);
        user.roles = String.join(",", clean);
        user.active = true;
        user.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        user.persist();
        return user;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<User> list() {
        return User.list("order by id");
    }

    Optional<User> byName(String username) {
        return User.byUsername(username);
    }

    /**
     * Changes roles and/or active. Refused: annotator beside another role, a staff account becoming an annotator,
     * and any change that would leave no active admin.
     */
    public User update(long userId, List<?> roles, Boolean active) {
        if (roles == null && active == null) {
            throw ProblemException.badRequest("invalid-request", "Give roles or active (or both) to change.");
        }
        User user = find(userId);
        List<String> next = roles == null ? user.roleList() : RoleRules.validateChange(user.roleList(), roles);
        boolean nextActive = active == null ? user.active : active;
        boolean adminNow = user.active && user.hasRole(Roles.ADMIN);
        if (adminNow && !(nextActive && next.contains(Roles.ADMIN)) && activeAdmins() <= 1) {
            throw ProblemException.conflict("last-admin", "'" + user.username + "' is the only active admin; make"
                    + " another admin first.");
        }
        String joined = String.join(",", next);
        if (!joined.equals(user.roles) || nextActive != user.active) {
            user.roles = joined;
            user.active = nextActive;
            sessions.endAll(user.id);
        }
        return user;
    }

    /** An admin sets someone's password. */
    public void resetPassword(long userId, String password) {
        passwords.validate("password", password);
        User user = find(userId);
        user.passwordHash = passwords.hash(password);
        sessions.endAll(user.id);
    }

    /** A user changes their own password; the current one was checked by the caller (under the throttle). */
    void changeOwnPassword(long userId, String newPassword) {
        User user = find(userId);
        user.passwordHash = passwords.hash(newPassword);
        sessions.endAll(user.id);
    }

    private static User find(long userId) {
        User user = User.findById(userId);
        if (user == null) {
            throw ProblemException.notFound("User " + userId);
        }
        return user;
    }

    private static long activeAdmins() {
        return User.count("active = true and roles like ?1", "%" + Roles.ADMIN + "%");
    }
}
