package dev.blindfold.identity;

import dev.blindfold.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Creates, lists and revokes a user's personal API tokens, and resolves a presented secret to its user. */
@ApplicationScoped
@Transactional
public class ApiTokenService {

    static final int MAX_NAME = 100;

    /** A token as its owner sees it; never the secret or its hash. */
    public record TokenView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
                            Instant revokedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id, t.name, t.prefix, t.createdAt, t.lastUsedAt, t.revokedAt);
        }

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** A new token with its secret, returned once at creation and stored nowhere. */
    public record CreatedToken(long id, String name, String token) {
    }

    /** A live token of an active user, as one SELECT reads it: the token, its last use, and who holds it. */
    record Holder(long tokenId, Instant lastUsedAt, long userId, String username, String roles) {
    }

    private final EntityManager em;

    ApiTokenService(EntityManager em) {
        this.em = em;
    }

    public CreatedToken create(long userId, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw ProblemException.badRequest("invalid-token-name",
                    "name must be 1-" + MAX_NAME + " characters, to tell your tokens apart.");
        }
        String secret = TokenSecrets.generate();
        ApiToken token = new ApiToken();
        token.userId = userId;
        token.name = clean;
        token.tokenHash = TokenSecrets.hash(secret);
        token.prefix = TokenSecrets.prefix(secret);
        token.createdAt = now();
        token.persist();
        return new CreatedToken(token.id, token.name, secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TokenView> list(long userId) {
        return ApiToken.ofUser(userId).stream().map(TokenView::of).toList();
    }

    /** Revokes one of the user's own tokens (again is fine); someone else's is "not found", like a missing one. */
    public void revoke(long userId, long tokenId) {
        ApiToken token = ApiToken.ofUser(userId, tokenId)
                .orElseThrow(() -> ProblemException.notFound("Token " + tokenId));
        if (!token.revoked()) {
            token.revokedAt = now();
        }
    }

    /**
     * The holder of this secret, if it is a live (not revoked) token of an active user: one SELECT of the token
     * joined with its user, outside any transaction. The caller then calls {@link #used} once this has returned.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @ActivateRequestContext
    Optional<Holder> authenticate(String presented) {
        if (!TokenSecrets.wellFormed(presented)) {
            return Optional.empty();
        }
        return em.createQuery("select t.id, t.lastUsedAt, u.id, u.username, u.roles"
                        + " from ApiToken t, User u where t.tokenHash = :hash and t.revokedAt is null"
                        + " and u.id = t.userId and u.active = true", Holder.class)
                .setParameter("hash", TokenSecrets.hash(presented)).getResultList().stream().findFirst();
    }

    /**
     * Writes the holder's token's last use when it moved (see {@link LastUse}). Called after {@link #authenticate} has
     * returned and given its connection back: written while the read still held one, every request whose token fell
     * due needed two, and 20 of them at once (200 annotators' tokens fall due together) held the whole pool waiting
     * for a second until the 5 s timeout.
     */
    @ActivateRequestContext
    void used(Holder holder) {
        Instant now = now();
        if (LastUse.moved(holder.lastUsedAt(), now)) {
            LastUse.record(em, "ApiToken", "lastUsedAt", holder.tokenId(), now);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
