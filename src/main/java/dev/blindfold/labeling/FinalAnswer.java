package dev.blindfold.labeling;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

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

    /** The slot of the accepted draft (decision ACCEPT); null otherwise. */
    @Column(name = "accepted_slot")
    public String acceptedSlot;

    /** The slot of the draft preferred on a PAIRWISE item (decision PREFER); null otherwise. */
    @Column(name = "preferred_slot")
    public String preferredSlot;

    /** JSON object slot → 1..5, or null. */
    public String ratings;

    @Column(name = "saved_at", nullable = false)
    public Instant savedAt;

    /** Whether {@code other} records the same decision: a repeat of the request that saved this one. */
    boolean sameDecisionAs(FinalAnswer other) {
        return decision == other.decision && answer.equals(other.answer)
                && Objects.equals(acceptedSlot, other.acceptedSlot) && Objects.equals(preferredSlot, other.preferredSlot)
                && Objects.equals(ratings, other.ratings);
    }
}
