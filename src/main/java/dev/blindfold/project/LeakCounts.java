package dev.blindfold.project;

import dev.blindfold.web.DatabaseKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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

    /** Adds to the project's count (negative: takes away); a project's row is made by its first flagged draft. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(long projectId, long delta) {
        if (delta == 0) {
            return;
        }
        em.createNativeQuery(DatabaseKind.postgres(em)
                        ? "INSERT INTO identity_leak_counts AS t (project_id, drafts) VALUES (?1, ?2)"
                                + " ON CONFLICT (project_id) DO UPDATE SET drafts = t.drafts + EXCLUDED.drafts"
                        : "MERGE INTO identity_leak_counts t USING (VALUES (?1, ?2)) s (project_id, drafts)"
                                + " ON (t.project_id = s.project_id) WHEN MATCHED THEN UPDATE SET drafts = t.drafts + s.drafts"
                                + " WHEN NOT MATCHED THEN INSERT (project_id, drafts) VALUES (s.project_id, s.drafts)")
                .setParameter(1, projectId).setParameter(2, delta).executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long of(long projectId) {
        Object n = em.createNativeQuery("SELECT drafts FROM identity_leak_counts WHERE project_id = ?1")
                .setParameter(1, projectId).getResultStream().findFirst().orElse(null);
        return n == null ? 0 : ((Number) n).longValue();
    }
}
