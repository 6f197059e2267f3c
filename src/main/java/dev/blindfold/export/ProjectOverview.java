package dev.blindfold.export;

import dev.blindfold.exposure.ExposureClass;
import dev.blindfold.labeling.AssignmentStatus;
import dev.blindfold.project.Project;
import dev.blindfold.project.ProjectService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What label ops watch on a project: progress per annotator, items done or partial, exposure counts. */
@ApplicationScoped
public class ProjectOverview {

    /** One annotator's assignments by state. */
    public record AnnotatorProgress(String username, long assigned, long committed, long finished, long skipped) {
    }

    public record Overview(Project project, long items, long itemsDone, long itemsPartial,
                           List<AnnotatorProgress> annotators, Map<String, Long> exposure, List<String> families,
                           AgreementService.Agreement agreement) {

        /** Every exposure class, for the export form. */
        public List<String> classes() {
            return java.util.Arrays.stream(ExposureClass.values()).map(ExposureClass::wireName).toList();
        }
    }

    private final EntityManager em;
    private final ProjectService projects;
    private final LabelReader labels;
    private final AgreementService agreement;

    ProjectOverview(EntityManager em, ProjectService projects, LabelReader labels, AgreementService agreement) {
        this.em = em;
        this.projects = projects;
        this.labels = labels;
        this.agreement = agreement;
    }

    public Overview of(long projectId) {
        return QuarkusTransaction.requiringNew().timeout(ExportService.TIMEOUT_SECONDS).call(() -> {
            Project project = projects.find(projectId);
            long items = em.createQuery("select count(i) from Item i where i.projectId = :p", Long.class)
                    .setParameter("p", projectId).getSingleResult();
            List<Long> labelsPerItem = em.createQuery("select count(a) from Assignment a where a.projectId = :p"
                            + " and a.status in :s group by a.itemId", Long.class)
                    .setParameter("p", projectId)
                    .setParameter("s", List.of(AssignmentStatus.COMMITTED, AssignmentStatus.FINAL)).getResultList();
            long done = labelsPerItem.stream().filter(n -> n >= project.overlap).count();
            Map<String, Long> exposure = new LinkedHashMap<>();
            for (ExposureClass c : ExposureClass.values()) {
                exposure.put(c.wireName(), 0L);
            }
            NotBlind notBlind = new NotBlind();
            labels.forEach(projectId, null, pl -> {
                exposure.merge(pl.label().exposure().wireName(), 1L, Long::sum);
                if (pl.label().exposure() == ExposureClass.SEEN_BEFORE_COMMIT) {
                    notBlind.add(pl.label().assignmentId());
                }
            });
            List<String> families = em.createQuery("select distinct d.family from Draft d, Item i where d.itemId = i.id"
                    + " and i.projectId = :p order by d.family", String.class).setParameter("p", projectId).getResultList();
            return new Overview(project, items, done, labelsPerItem.size() - done, annotators(projectId), exposure,
                    families, agreement.agreement(projectId, notBlind));
        });
    }

    private List<AnnotatorProgress> annotators(long projectId) {
        Map<String, Map<AssignmentStatus, Long>> byUser = new LinkedHashMap<>();
        em.createQuery("select u.username from Membership m, User u where u.id = m.userId and m.projectId = :p"
                        + " order by u.username", String.class).setParameter("p", projectId).getResultList()
                .forEach(name -> byUser.put(name, new EnumMap<>(AssignmentStatus.class)));
        em.createQuery("select u.username, a.status, count(a) from Assignment a, User u where u.id = a.annotatorId"
                        + " and a.projectId = :p group by u.username, a.status", Object[].class)
                .setParameter("p", projectId).getResultList()
                .forEach(r -> byUser.computeIfAbsent((String) r[0], k -> new EnumMap<>(AssignmentStatus.class))
                        .put((AssignmentStatus) r[1], (Long) r[2]));
        List<AnnotatorProgress> rows = new ArrayList<>();
        byUser.forEach((name, counts) -> {
            long committed = counts.getOrDefault(AssignmentStatus.COMMITTED, 0L);
            long finished = counts.getOrDefault(AssignmentStatus.FINAL, 0L);
            long skipped = counts.getOrDefault(AssignmentStatus.SKIPPED, 0L);
            long open = counts.getOrDefault(AssignmentStatus.ASSIGNED, 0L);
            rows.add(new AnnotatorProgress(name, open + committed + finished + skipped, committed + finished, finished, skipped));
        });
        return rows;
    }
}
