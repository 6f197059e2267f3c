package dev.blindfold.project;

import dev.blindfold.web.DatabaseKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * How many of a project's drafts name their model ({@code identity_leak_counts}, V20): kept by the import that flags
 * them and by each redact or drop that clears one, in the caller's transaction, so the overview reads one row instead
 * of counting drafts on every view (the overview's template reads it as {@code inject:identityLeaks}).
 */
@ApplicationScoped
@Named("identityLeaks")
public class LeakCounts {

    private final EntityManager em;

    LeakCounts(EntityManager em) {
        this.em = em;
    }

    /** A project's figures: drafts flagged now, drafts redacted and dropped, labels revealed beside a flagged draft. */
    public record Figures(long flagged, long redacted, long dropped, long labelsShown) {
    }

    /** Adds to the project's count of flagged drafts (negative: takes away). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(long projectId, long delta) {
        upsert(projectId, "drafts", delta);
    }

    /** One more draft of the project redacted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void redacted(long projectId) {
        upsert(projectId, "redacted", 1);
    }

    /** One more draft of the project dropped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dropped(long projectId) {
        upsert(projectId, "dropped", 1);
    }

    /** One more label whose first reveal showed a draft that names its model. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void labelShown(long projectId) {
        upsert(projectId, "labels_shown", 1);
    }

    /** A project's row is made by the first change to any of its figures; {@code column} is one of this class's. */
    private void upsert(long projectId, String column, long delta) {
        if (delta == 0) {
            return;
        }
        em.createNativeQuery(DatabaseKind.postgres(em)
                        ? "INSERT INTO identity_leak_counts AS t (project_id, " + column + ") VALUES (?1, ?2)"
                                + " ON CONFLICT (project_id) DO UPDATE SET " + column + " = t." + column
                                + " + EXCLUDED." + column
                        : "MERGE INTO identity_leak_counts t USING (VALUES (?1, ?2)) s (project_id, delta)"
                                + " ON (t.project_id = s.project_id) WHEN MATCHED THEN UPDATE SET " + column + " = t."
                                + column + " + s.delta WHEN NOT MATCHED THEN INSERT (project_id, " + column
                                + ") VALUES (s.project_id, s.delta)")
                .setParameter(1, projectId).setParameter(2, delta).executeUpdate();
    }

    /** The project's figures, all 0 before its first flagged draft. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Figures figures(long projectId) {
        List<?> rows = em.createNativeQuery("SELECT drafts, redacted, dropped, labels_shown FROM identity_leak_counts"
                + " WHERE project_id = ?1").setParameter(1, projectId).getResultList();
        if (rows.isEmpty()) {
            return new Figures(0, 0, 0, 0);
        }
        Object[] r = (Object[]) rows.get(0);
        return new Figures(n(r[0]), n(r[1]), n(r[2]), n(r[3]));
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long of(long projectId) {
        Object n = em.createNativeQuery("SELECT drafts FROM identity_leak_counts WHERE project_id = ?1")
                .setParameter(1, projectId).getResultStream().findFirst().orElse(null);
        return n == null ? 0 : ((Number) n).longValue();
    }
}
