package dev.blindfold.identity;

import dev.blindfold.web.BlindfoldConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Server-side browser sessions. Signing in stores the SHA-256 of a fresh 256-bit secret that only the browser's
 * cookie holds; every request looks the hash up (a unique index) and is refused once the session is revoked, idle
 * past {@code blindfold.sessions.idle-timeout}, past {@code max-age}, or its user deactivated. Because the check is
 * in the database, a session ended on one node is refused by every node from the next request on.
 */
@ApplicationScoped
@Transactional
public class SessionService {

    /** How often one node deletes sessions past their end. */
    static final Duration CLEANUP_EVERY = Duration.ofHours(1);

    /** A session and its user, as one SELECT reads them. */
    record Live(long sessionId, Instant lastSeenAt, Instant expiresAt, Instant revokedAt, long userId, String username,
                String roles, boolean active) {
    }

    private final EntityManager em;
    private final Duration idleTimeout;
    private final Duration maxAge;
    private final AtomicReference<Instant> lastCleanup = new AtomicReference<>(Instant.EPOCH);

    SessionService(EntityManager em, BlindfoldConfig config) {
        this.em = em;
        this.idleTimeout = config.sessions().idleTimeout();
        this.maxAge = config.sessions().maxAge();
    }

    /** Starts a session for the user; returns the cookie's secret, which is stored nowhere. */
    String start(long userId) {
        Instant now = now();
        cleanUp(now);
        String secret = TokenSecrets.random();
        SignInSession session = new SignInSession();
        session.userId = userId;
        session.secretHash = TokenSecrets.hash(secret);
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(maxAge);
        session.persist();
        return secret;
    }

    /**
     * The live session holding this secret, with its (active) user: one SELECT of the session joined with its user,
     * outside any transaction. The caller then calls {@link #seen} once this has returned.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @ActivateRequestContext
    Optional<Live> resolve(String secret) {
        if (!TokenSecrets.wellFormedRandom(secret)) {
            return Optional.empty();
        }
        Instant now = now();
        return em.createQuery("select s.id, s.lastSeenAt, s.expiresAt, s.revokedAt, u.id, u.username,"
                        + " u.roles, u.active from SignInSession s, User u where s.secretHash = :hash and u.id = s.userId",
                        Live.class)
                .setParameter("hash", TokenSecrets.hash(secret)).getResultList().stream().findFirst()
                .filter(session -> session.revokedAt() == null && session.expiresAt().isAfter(now) && session.active()
                        && session.lastSeenAt().plus(idleTimeout).isAfter(now));
    }

    /**
     * Writes the session's last use when it moved (see {@link LastUse}), after {@link #resolve} has returned and given
     * its connection back, so a request never holds two (see {@link ApiTokenService#used}).
     */
    @ActivateRequestContext
    void seen(Live live) {
        Instant now = now();
        if (LastUse.moved(live.lastSeenAt(), now)) {
            LastUse.record(em, "SignInSession", "lastSeenAt", live.sessionId(), now);
        }
    }

    /** Sign-out: the session holding this secret ends (nothing happens for an unknown one). */
    void end(String secret) {
        if (TokenSecrets.wellFormedRandom(secret)) {
            em.createQuery("update SignInSession s set s.revokedAt = :now where s.secretHash = :hash"
                            + " and s.revokedAt is null")
                    .setParameter("now", now()).setParameter("hash", TokenSecrets.hash(secret)).executeUpdate();
        }
    }

    /** Ends every session of the user (password or role change, deactivation); returns how many were live. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int endAll(long userId) {
        return em.createQuery("update SignInSession s set s.revokedAt = :now where s.userId = :user"
                        + " and s.revokedAt is null")
                .setParameter("now", now()).setParameter("user", userId).executeUpdate();
    }

    private void cleanUp(Instant now) {
        Instant last = lastCleanup.get();
        if (last.plus(CLEANUP_EVERY).isAfter(now) || !lastCleanup.compareAndSet(last, now)) {
            return;
        }
        em.createQuery("delete from SignInSession s where s.expiresAt < :now").setParameter("now", now).executeUpdate();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
