package dev.blindfold.project;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * An annotator's place in a project. {@code orderSeed} fixes their own randomised item order;
 * its row lock serialises that annotator's requests for a new assignment.
 */
@Entity
@Table(name = "project_members")
public class Membership extends PanacheEntity {

    @Column(name = "project_id", nullable = false)
    public long projectId;

    @Column(name = "user_id", nullable = false)
    public long userId;

    @Column(name = "order_seed", nullable = false)
    public int orderSeed;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    /** When label ops removed them; null while they are a member. */
    @Column(name = "removed_at")
    public Instant removedAt;

    /** A current member's row; a removed member has none. */
    public static Optional<Membership> of(long projectId, long userId) {
        return find("projectId = ?1 and userId = ?2 and removedAt is null", projectId, userId).firstResultOptional();
    }

    /** A current member's row, locked for this transaction. */
    public static Optional<Membership> lockOf(long projectId, long userId) {
        return find("projectId = ?1 and userId = ?2 and removedAt is null", projectId, userId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The row, current or removed, locked for this transaction. */
    public static Optional<Membership> lockAny(long projectId, long userId) {
        return find("projectId = ?1 and userId = ?2", projectId, userId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
