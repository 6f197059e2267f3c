package dev.blindfold.audit.timeline;

import dev.blindfold.labeling.Decision;
import dev.blindfold.project.Project;
import dev.blindfold.project.ProjectService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Every label of a project (an assignment with a committed blind answer), a page at a time in commit order,
 * optionally of one annotator: how an auditor reaches any label's timeline, not only the flagged ones.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditLabels {

    static final int PAGE_SIZE = 50;

    /** One label: where its timeline is, whose it is, the guidelines version it was written under and how far it got. */
    public record Row(long assignmentId, String externalId, String annotator, Instant committedAt,
                      int guidelinesVersion, Decision decision) {
    }

    /** A page of labels; {@code annotator} is the filter (null: everyone), {@code page} counts from 1. */
    public record Page(Project project, String annotator, List<String> annotators, List<Row> rows, int page, boolean hasNext) {

        public boolean hasPrevious() {
            return page > 1;
        }
    }

    private final EntityManager em;
    private final ProjectService projects;

    AuditLabels(EntityManager em, ProjectService projects) {
        this.em = em;
        this.projects = projects;
    }

    public Page page(long projectId, String annotator, int page) {
        Project project = projects.find(projectId);
        int number = Math.max(1, page);
        String who = annotator == null || annotator.isBlank() ? null : annotator;
        List<Row> rows = em.createQuery("select new dev.blindfold.audit.timeline.AuditLabels$Row(a.id, i.externalId, u.username,"
                        + " b.committedAt, b.guidelinesVersion, f.decision) from Assignment a join Item i on i.id = a.itemId"
                        + " join User u on u.id = a.annotatorId join BlindAnswer b on b.assignmentId = a.id"
                        + " left join FinalAnswer f on f.assignmentId = a.id where a.projectId = :p"
                        + " and (:who is null or u.username = :who) order by b.committedAt, a.id", Row.class)
                .setParameter("p", projectId).setParameter("who", who)
                .setFirstResult((number - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE + 1).getResultList();
        List<String> annotators = em.createQuery("select distinct u.username from Assignment a join User u"
                + " on u.id = a.annotatorId where a.projectId = :p order by u.username", String.class)
                .setParameter("p", projectId).getResultList();
        boolean more = rows.size() > PAGE_SIZE;
        return new Page(project, who, annotators, more ? rows.subList(0, PAGE_SIZE) : rows, number, more);
    }
}
