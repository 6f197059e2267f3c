package dev.blindfold.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The signed-in user of this request; also {@code {inject:viewer}} in templates. */
@RequestScoped
@Named("viewer")
public class CurrentUser {

    private final SecurityIdentity identity;

    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The user's id, which the identity carries (see {@link Identities}): no query. */
    public long id() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        return identity.<Long>getAttribute(Identities.USER_ID);
    }

    /** For page chrome: bad credentials on a public page (the sign-in form) count as not signed in. */
    public boolean signedIn() {
        try {
            return !identity.isAnonymous();
        } catch (AuthenticationFailedException e) {
            return false;
        }
    }

    public String name() {
        return signedIn() ? identity.getPrincipal().getName() : "";
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /** Whether the user holds any of {@link Roles#STAFF}: sees every project, and drafts without a blind answer. */
    public boolean isStaff() {
        return Roles.STAFF.stream().anyMatch(this::has);
    }
}
