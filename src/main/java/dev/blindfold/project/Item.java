package dev.blindfold.project;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** The input to be labeled. Its drafts live in their own table and are never joined in here. */
@Entity
@Table(name = "items")
public class Item extends PanacheEntity {

    @Column(name = "project_id", nullable = false)
    public long projectId;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(nullable = false)
    public String input;

    /** Raw JSON object, as imported. */
    public String metadata;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** An item's id and externalId, as {@link #page} walks them. */
    public record Key(long id, String externalId) {
    }

    /**
     * Up to {@code size} of the project's items after {@code afterExternalId} (null: from the first), in externalId
     * order: one range of the unique index {@code (project_id, external_id)}, so a page costs its own rows at any size.
     */
    public static List<Key> page(long projectId, String afterExternalId, int size) {
        return getEntityManager().createQuery("select i.id, i.externalId from Item i"
                        + " where i.projectId = :p and i.externalId > :after order by i.externalId", Object[].class)
                .setParameter("p", projectId).setParameter("after", afterExternalId == null ? "" : afterExternalId)
                .setMaxResults(size).getResultStream().map(r -> new Key((Long) r[0], (String) r[1])).toList();
    }
}
