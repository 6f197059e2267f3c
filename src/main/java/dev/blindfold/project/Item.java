package dev.blindfold.project;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

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
}
