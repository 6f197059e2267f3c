package dev.blindfold.review;

import dev.blindfold.project.Project;
import dev.blindfold.project.ProjectService;
import dev.blindfold.project.QueueCounts;
import dev.blindfold.web.DatabaseKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Items sent to review and adjudicated per project ({@code adjudication_counts}, V22), kept in the transaction that
 * sends an item and the one that commits its adjudication, so rates are one row read, never a count (the overview's
 * template reads them as {@code inject:adjudications}).
 */
@ApplicationScoped
@Named("adjudications")
public class AdjudicationCounts {

    private final EntityManager em;
    private final ProjectService projects;
    private final QueueCounts queue;

    AdjudicationCounts(EntityManager em, ProjectService projects, QueueCounts queue) {
        this.em = em;
        this.projects = projects;
        this.queue = queue;
    }

    /** Adds to the project's counts; its row is made by the first item it sends. */
    @Transactional(Transactional.TxType.MANDATORY)
    void add(long projectId, int sent, int adjudicated) {
        em.createNativeQuery(DatabaseKind.postgres(em)
                        ? "INSERT INTO adjudication_counts AS t (project_id, sent, adjudicated) VALUES (?1, ?2, ?3)"
                                + " ON CONFLICT (project_id) DO UPDATE SET sent = t.sent + EXCLUDED.sent,"
                                + " adjudicated = t.adjudicated + EXCLUDED.adjudicated"
                        : "MERGE INTO adjudication_counts t USING (VALUES (?1, ?2, ?3)) s (project_id, sent, adjudicated)"
                                + " ON (t.project_id = s.project_id) WHEN MATCHED THEN UPDATE SET sent = t.sent + s.sent,"
                                + " adjudicated = t.adjudicated + s.adjudicated"
                                + " WHEN NOT MATCHED THEN INSERT (project_id, sent, adjudicated)"
                                + " VALUES (s.project_id, s.sent, s.adjudicated)")
                .setParameter(1, projectId).setParameter(2, sent).setParameter(3, adjudicated).executeUpdate();
    }

    /** The project's rates: two primary-key reads; a 404 problem for an unknown project. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AdjudicationRates rates(long projectId) {
        Project project = projects.find(projectId);
        Object[] row = (Object[]) em.createNativeQuery("SELECT sent, adjudicated FROM adjudication_counts"
                + " WHERE project_id = ?1", Object[].class).setParameter(1, projectId).getResultStream().findFirst()
                .orElse(new Object[] {0L, 0L});
        long done = queue.labeledItems(projectId)[2];
        return AdjudicationRates.of(projectId, project.adjudicationBelow, done, ((Number) row[0]).longValue(),
                ((Number) row[1]).longValue());
    }
}
