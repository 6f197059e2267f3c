package dev.blindfold.labeling;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** One item given to one annotator, at a position in that annotator's own randomised order. */
@Entity
@Table(name = "assignments")
public class Assignment extends PanacheEntity {

    @Column(name = "project_id", nullable = false)
    public long projectId;

    @Column(name = "item_id", nullable = false)
    public long itemId;

    @Column(name = "annotator_id", nullable = false)
    public long annotatorId;

    @Column(nullable = false)
    public int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentStatus status;

    /** Draft ids in slot order (A, B, ...), fixed at the first reveal; null until then. */
    @Column(name = "draft_order")
    public String draftOrder;

    /** CATEGORICAL: the labels in the order this assignment shows them, newline-separated; drawn at its first showing. */
    @Column(name = "label_order")
    public String labelOrder;

    @Column(name = "skip_reason")
    public String skipReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** While ASSIGNED: when the reservation runs out and the place goes back to the pool ({@link Reservations}). */
    @Column(name = "reserved_until")
    public Instant reservedUntil;

    public boolean revealed() {
        return draftOrder != null;
    }
}
