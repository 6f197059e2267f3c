package dev.blindfold.export;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The manifest of one export: filters as asked, its {@link ExportStatus}, and once complete, rows per exposure class
 * and SHA-256, or once failed, when and why.
 */
@Entity
@Table(name = "exports")
public class ExportRecord extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "project_id", nullable = false)
    public long projectId;

    @Column(nullable = false)
    public String format;

    /** JSON object of the filters. */
    @Column(nullable = false)
    public String filters;

    @Column(name = "created_by", nullable = false)
    public long createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "row_count")
    public Long rowCount;

    /** JSON object exposure class → rows. */
    @Column(name = "class_counts")
    public String classCounts;

    public String sha256;

    static final int MAX_FAILURE = 1000;

    /** {@code streaming}, {@code complete} or {@code failed}. */
    @Column(nullable = false)
    public String status;

    @Column(name = "failed_at")
    public Instant failedAt;

    /** Why the export stopped, in words (no class names, no stored text). */
    public String failure;
}
