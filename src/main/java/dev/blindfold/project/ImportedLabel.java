package dev.blindfold.project;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A label brought in from another tool (a Label Studio annotation). Nobody here saw how it was
 * written, so it is never a blind answer: exports tag it with exposure {@code unknown}. Unique per
 * item, {@code source} and {@code sourceId}, which makes re-importing the same file a no-op.
 */
@Entity
@Table(name = "imported_labels")
public class ImportedLabel extends PanacheEntity {

    /** {@link #source} of Label Studio annotations. */
    public static final String LABEL_STUDIO = "label-studio";

    @Column(name = "project_id", nullable = false)
    public long projectId;

    @Column(name = "item_id", nullable = false)
    public long itemId;

    /** The tool it came from, e.g. {@value #LABEL_STUDIO}. */
    @Column(nullable = false)
    public String source;

    /** The label's id in that tool. */
    @Column(name = "source_id", nullable = false)
    public String sourceId;

    /** Who wrote it, as that tool names them (a user id or email); not a Blindfold user. */
    @Column(name = "source_annotator", nullable = false)
    public String sourceAnnotator;

    @Column(nullable = false)
    public String answer;

    /** When it was written, as that tool says; null when unknown. */
    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;
}
