package dev.blindfold.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of a project's guidelines, as label ops wrote it. Written once, never changed: an edit adds the next
 * version, so a label's {@code guidelines_version} always names the text it was written under.
 */
@Entity
@Table(name = "guidelines_versions")
@IdClass(GuidelinesVersion.Key.class)
public class GuidelinesVersion extends PanacheEntityBase {

    /** The primary key: a project and its version number. */
    public static class Key implements Serializable {
        public long projectId;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.projectId == projectId && k.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, version);
        }
    }

    @Id
    @Column(name = "project_id")
    public long projectId;

    @Id
    public int version;

    @Column(nullable = false, updatable = false)
    public String guidelines;

    @Column(name = "created_by", nullable = false, updatable = false)
    public long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
