package dev.blindfold.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a live session's secret into its user's identity (blocking database work, on a worker thread). */
@ApplicationScoped
class SessionIdentityProvider implements IdentityProvider<SessionRequest> {

    /** Identity attribute holding the id of the session a request was authenticated with. */
    static final String SESSION_ID = "blindfold.session-id";

    private final SessionService sessions;

    SessionIdentityProvider(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<SessionRequest> getRequestType() {
        return SessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            SessionService.Live live = sessions.resolve(request.secret()).orElseThrow(AuthenticationFailedException::new);
            sessions.seen(live);
            return Identities.of(live.userId(), live.username(), live.roles(), SESSION_ID, live.sessionId());
        });
    }
}
