package dev.blindfold.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An item sent to review, one row per item, kept by the commit that sent it and by the reviewer's steps (V22). */
@Entity
@Table(name = "adjudications")
public class Adjudication extends PanacheEntityBase {

    @Id
    @Column(name = "item_id")
    public long itemId;

    @Column(name = "project_id", nullable = false)
    public long projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AdjudicationStatus status;

    /** The share of the blind answers equal to the most common one, when the item was sent. */
    @Column(nullable = false)
    public double agreement;

    /** How many blind answers the item had when it was sent. */
    @Column(nullable = false)
    public int answers;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;

    /** When a WAITING row can be taken: when it was sent, then when its reviewer's reservation runs out. */
    @Column(name = "available_at", nullable = false)
    public Instant availableAt;

    @Column(name = "reviewer_id")
    public Long reviewerId;

    /** The blind answers' assignment ids, comma-separated, in the random order the reviewer was shown them. */
    @Column(name = "answer_order")
    public String answerOrder;

    /** Draft ids in slot order, fixed at the reveal. */
    @Column(name = "draft_order")
    public String draftOrder;

    /** The seq of the reviewer's REVIEW_SHOWN event in their chain: the adjudication's events are read from there. */
    @Column(name = "shown_seq")
    public Long shownSeq;

    /** The adjudicated answer: the committed one, then the final one. */
    public String answer;

    /** Its exposure class (wire name), computed from the adjudication's events. */
    public String exposure;

    @Column(name = "committed_at")
    public Instant committedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public boolean revealed() {
        return draftOrder != null;
    }
}
