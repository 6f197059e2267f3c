package dev.blindfold.project;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;

/** A model's candidate output for an item. Hidden from an annotator until their blind commit. */
@Entity
@Table(name = "drafts")
public class Draft extends PanacheEntity {

    @Column(name = "item_id", nullable = false)
    public long itemId;

    @Column(nullable = false)
    public String model;

    @Column(nullable = false)
    public String family;

    @Column(nullable = false)
    public String version;

    @Column(nullable = false)
    public String text;

    /** The first term found that names a model ({@link IdentityTerms}); null while the draft is clean. */
    @Column(name = "identity_leak")
    public String identityLeak;

    /** The project of a flagged draft, null while clean: the ops page's index ({@code V20}). */
    @Column(name = "leak_project_id")
    public Long leakProjectId;

    /** Sets or clears the flag of a draft of {@code projectId} by the term found in its text. */
    public void flag(long projectId, String term) {
        identityLeak = term;
        leakProjectId = term == null ? null : projectId;
    }

    public static List<Draft> forItem(long itemId) {
        return list("itemId = ?1 order by id", itemId);
    }
}
