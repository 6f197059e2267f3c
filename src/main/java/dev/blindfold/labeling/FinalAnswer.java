package dev.blindfold.labeling;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What the annotator settled on after (or without) the reveal. */
@Entity
@Table(name = "final_answers")
public class FinalAnswer extends PanacheEntityBase {

    @Id
    @Column(name = "assignment_id")
    public long assignmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Decision decision;

    @Column(nullable = false)
    public String answer;

    @Column(name = "accepted_slot")
    public String acceptedSlot;

    /** JSON object slot → 1..5, or null. */
    public String ratings;

    @Column(name = "saved_at", nullable = false)
    public Instant savedAt;
}
