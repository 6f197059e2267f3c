package dev.blindfold.identity;

import dev.blindfold.web.ProblemException;
import dev.blindfold.web.SignInRefusals;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A signed-in user changing their own password: the current one is checked like a sign-in (same throttle, so this
 * is no way around it for someone who found an open session), then every session of theirs ends.
 */
@ApplicationScoped
public class AccountService {

    private final PasswordSignIn signIn;
    private final UserService users;
    private final Passwords passwords;

    AccountService(PasswordSignIn signIn, UserService users, Passwords passwords) {
        this.signIn = signIn;
        this.users = users;
        this.passwords = passwords;
    }

    /** Throws a 400 naming the field for a wrong current or unacceptable new password, a 429 when throttled. */
    public void changePassword(String username, String currentPassword, String newPassword, String client) {
        passwords.validate("newPassword", newPassword);
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw ProblemException.badRequest("wrong-password", "currentPassword is required.");
        }
        PasswordSignIn.Outcome outcome = signIn.attempt(username, currentPassword, client);
        if (outcome instanceof PasswordSignIn.Throttled t) {
            throw SignInRefusals.throttled(t.seconds());
        }
        if (!(outcome instanceof PasswordSignIn.SignedIn in)) {
            throw ProblemException.badRequest("wrong-password", "currentPassword is not your current password.");
        }
        users.changeOwnPassword(in.user().id, newPassword);
    }
}
