package dev.blindfold.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A personal API token: its owner, a name, and the SHA-256 of its secret (never the secret). */
@Entity
@Table(name = "api_tokens")
public class ApiToken extends PanacheEntity {

    @Column(name = "user_id", nullable = false)
    public long userId;

    @Column(nullable = false)
    public String name;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Column(nullable = false)
    public String prefix;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean revoked() {
        return revokedAt != null;
    }

    static Optional<ApiToken> byHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    static List<ApiToken> ofUser(long userId) {
        return list("userId = ?1 order by id desc", userId);
    }

    static Optional<ApiToken> ofUser(long userId, long tokenId) {
        return find("id = ?1 and userId = ?2", tokenId, userId).firstResultOptional();
    }
}
