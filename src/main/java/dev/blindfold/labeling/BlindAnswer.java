package dev.blindfold.labeling;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The answer committed before any draft was shown. Written once; never updated (B2). */
@Entity
@Table(name = "blind_answers")
public class BlindAnswer extends PanacheEntityBase {

    @Id
    @Column(name = "assignment_id")
    public long assignmentId;

    @Column(nullable = false, updatable = false)
    public String answer;

    @Column(name = "committed_at", nullable = false, updatable = false)
    public Instant committedAt;

    /** The project's guidelines version in force at the commit: what the answer was written under. */
    @Column(name = "guidelines_version", nullable = false, updatable = false)
    public int guidelinesVersion = 1;

    /** The time to read the item's input ({@code BlindTime}) at the commit; null for answers committed before V23. */
    @Column(name = "reading_ms", updatable = false)
    public Integer readingMs;

    /** The project's minimum blind time for deciding at the commit; null for answers committed before V23. */
    @Column(name = "decision_ms", updatable = false)
    public Integer decisionMs;
}
