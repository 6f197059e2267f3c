package dev.blindfold.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** The identity every way of signing in gives a user: their canonical name and the roles they act with. */
final class Identities {

    private Identities() {
    }

    static SecurityIdentity of(User user, String attribute, Object value) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRoles(user.effectiveRoles());
        if (attribute != null) {
            builder.addAttribute(attribute, value);
        }
        return builder.build();
    }
}
