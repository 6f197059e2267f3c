package dev.blindfold.audit.chain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One kept verification of a project's log (table {@code verifications}); written and read by {@link KeptVerifications}. */
@Entity
@Table(name = "verifications")
class VerificationRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "project_id", nullable = false)
    long projectId;

    @Column(name = "verified_at", nullable = false)
    Instant verifiedAt;

    @Column(nullable = false)
    boolean ok;

    @Column(nullable = false)
    long events;

    @Column(nullable = false)
    long chains;

    @Column(nullable = false)
    long millis;

    /** JSON array of the reported findings ({@link DatabaseFinding}). */
    @Column(nullable = false)
    String findings;
}
