package dev.blindfold.identity;

import dev.blindfold.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Creates, lists and revokes a user's personal API tokens, and resolves a presented secret to its user. */
@ApplicationScoped
@Transactional
public class ApiTokenService {

    static final int MAX_NAME = 100;
    /** last_used_at is rewritten at most this often per token, so a busy script costs no write per request. */
    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

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

    /** Who a valid secret belongs to, and which token it is. */
    record Holder(User user, long tokenId) {
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

    /** The user holding this secret, if it is a live (not revoked) token of an active user; records when it was last used. */
    Optional<Holder> authenticate(String presented) {
        if (!TokenSecrets.wellFormed(presented)) {
            return Optional.empty();
        }
        Optional<ApiToken> found = ApiToken.byHash(TokenSecrets.hash(presented)).filter(t -> !t.revoked());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        Instant now = now();
        if (token.lastUsedAt == null || token.lastUsedAt.isBefore(now.minus(LAST_USED_GRANULARITY))) {
            token.lastUsedAt = now;
        }
        return User.<User>findByIdOptional(token.userId).filter(user -> user.active)
                .map(user -> new Holder(user, token.id));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
