package dev.blindfold.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/**
 * The identity every way of signing in gives a user: their canonical name, the roles they act with, and their id
 * (attribute {@link #USER_ID}), so nothing later in the request loads the user again.
 */
final class Identities {

    /** Identity attribute holding the signed-in user's id (a Long). */
    static final String USER_ID = "blindfold.user-id";

    private Identities() {
    }

    static SecurityIdentity of(User user, String attribute, Object value) {
        return of(user.id, user.username, user.roles, attribute, value);
    }

    /** {@code roles} as stored in {@code users.roles}; the identity gets their {@link RoleRules#effective} set. */
    static SecurityIdentity of(long userId, String username, String roles, String attribute, Object value) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addRoles(RoleRules.effective(User.roleList(roles)))
                .addAttribute(USER_ID, userId);
        if (attribute != null) {
            builder.addAttribute(attribute, value);
        }
        return builder.build();
    }
}
