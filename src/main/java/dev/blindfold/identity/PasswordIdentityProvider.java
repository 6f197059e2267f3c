package dev.blindfold.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import dev.blindfold.web.SignInRefusals;

/**
 * HTTP Basic: the username and password of every scripted request go through {@link PasswordSignIn}, so the same
 * throttle, case-insensitive names and deactivation apply as on the sign-in form. Blocking work, on a worker thread.
 */
@ApplicationScoped
class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final PasswordSignIn signIn;

    PasswordIdentityProvider(PasswordSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        String client = ClientAddress.of(routing);
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> {
            PasswordSignIn.Outcome outcome = signIn.attempt(username, password, client);
            if (outcome instanceof PasswordSignIn.SignedIn in) {
                return Identities.of(in.user(), null, null);
            }
            if (outcome instanceof PasswordSignIn.Throttled t) {
                throw SignInRefusals.throttled(t.seconds());
            }
            throw new AuthenticationFailedException();
        });
    }
}
