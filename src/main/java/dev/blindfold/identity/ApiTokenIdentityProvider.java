package dev.blindfold.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a bearer secret into the identity of the token's owner, with that user's roles. The look-up
 * is blocking database work, so it runs on a worker thread; an unknown, malformed or revoked token, or one
 * of a deactivated user, fails with {@link AuthenticationFailedException} (401 on /api, the sign-in page elsewhere).
 */
@ApplicationScoped
class ApiTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Identity attribute holding the id of the token a request was authenticated with. */
    static final String TOKEN_ID = "blindfold.api-token-id";

    private final ApiTokenService tokens;

    ApiTokenIdentityProvider(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String presented = request.getToken().getToken();
        return context.runBlocking(() -> {
            ApiTokenService.Holder holder = tokens.authenticate(presented).orElseThrow(AuthenticationFailedException::new);
            tokens.used(holder);
            return identity(holder);
        });
    }

    private static SecurityIdentity identity(ApiTokenService.Holder holder) {
        return Identities.of(holder.userId(), holder.username(), holder.roles(), TOKEN_ID, holder.tokenId());
    }
}
