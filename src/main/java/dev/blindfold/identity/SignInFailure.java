package dev.blindfold.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Failed sign-ins in a row for one account or client address ({@link ThrottleKeys}), and until when it is blocked. */
@Entity
@Table(name = "sign_in_failures")
class SignInFailure extends PanacheEntityBase {

    @Id
    @Column(name = "throttle_key")
    public String key;

    @Column(nullable = false)
    public int failures;

    @Column(name = "last_failure_at", nullable = false)
    public Instant lastFailureAt;

    @Column(name = "blocked_until")
    public Instant blockedUntil;
}
