package dev.blindfold.identity;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The secret a browser's session cookie presented, for {@link SessionIdentityProvider}. */
final class SessionRequest extends BaseAuthenticationRequest {

    private final String secret;

    SessionRequest(String secret) {
        this.secret = secret;
    }

    String secret() {
        return secret;
    }
}
