package dev.blindfold.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed-in browser: the SHA-256 of its cookie's secret (never the secret), whose it is, and when it ends. */
@Entity
@Table(name = "sessions")
class SignInSession extends PanacheEntity {

    @Column(name = "user_id", nullable = false)
    public long userId;

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
