package dev.blindfold.project;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A labeling project: task type, label set, overlap and reveal policy. */
@Entity
@Table(name = "projects")
public class Project extends PanacheEntity {

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "task_type", nullable = false)
    public TaskType taskType;

    /** Newline-separated label set for CATEGORICAL projects. */
    public String labels;

    @Column(nullable = false)
    public int overlap;

    @Enumerated(EnumType.STRING)
    @Column(name = "reveal_policy", nullable = false)
    public RevealPolicy revealPolicy;

    /** The guidelines in force (Markdown); every version is kept in {@link GuidelinesVersion}. */
    @Column(nullable = false)
    public String guidelines;

    /** The number of the version in force: 1 at creation, one more per edit. */
    @Column(name = "guidelines_version", nullable = false)
    public int guidelinesVersion = 1;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProjectStatus status = ProjectStatus.ACTIVE;

    /** How long an assignment without a blind answer keeps its place; 30 minutes unless label ops set another. */
    @Column(name = "reservation_seconds", nullable = false)
    public int reservationSeconds = ProjectService.DEFAULT_RESERVATION_SECONDS;

    /**
     * The least time, in milliseconds, an item's blind step should take on top of reading it ({@link BlindTime}); null:
     * derived from the length of the guidelines.
     */
    @Column(name = "min_blind_ms")
    public Integer minBlindMs;

    /** CATEGORICAL: whether each assignment shows the labels in its own random order or in this order. */
    @Enumerated(EnumType.STRING)
    @Column(name = "label_order", nullable = false)
    public LabelOrder labelOrder = LabelOrder.FIXED;

    /**
     * Adjudication: an item whose share of blind answers agreeing with its most common one is below this (0–1) goes to
     * a reviewer when its last blind answer commits; 0 sends none.
     */
    @Column(name = "adjudication_below", nullable = false)
    public double adjudicationBelow;

    /** Gold items ({@link KnownAnswers}): the share of queue positions that are gold slots, 0 to 1. */
    @Column(name = "gold_rate", nullable = false)
    public double goldRate = GoldSettings.DEFAULT_RATE;

    /** How many first positions are gold for the qualification; 0: no qualification. */
    @Column(name = "qualification_items", nullable = false)
    public int qualificationItems;

    /** The blind accuracy on those that an annotator needs to get real items, 0 to 1. */
    @Column(name = "qualification_accuracy", nullable = false)
    public double qualificationAccuracy = GoldSettings.DEFAULT_ACCURACY;

    @Column(name = "created_by", nullable = false)
    public long createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<String> labelList() {
        return labels == null || labels.isEmpty() ? List.of() : Arrays.asList(labels.split("\n"));
    }
}
