package dev.blindfold.overview;

import dev.blindfold.facts.FactReads;
import dev.blindfold.facts.FactSums;
import dev.blindfold.exposure.ExposureClass;
import dev.blindfold.labeling.AssignmentQueue;
import dev.blindfold.project.BlindTime;
import dev.blindfold.project.Project;
import dev.blindfold.project.ProjectService;
import dev.blindfold.project.QueueCounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.blindfold.agreement.AgreementService;
import dev.blindfold.web.LongReads;

/** What label ops watch on a project: progress per annotator, items done or partial, exposure counts. */
@ApplicationScoped
public class ProjectOverview {

    /** One annotator's assignments by state. */
    /** {@code member}: a current member; {@code removed}: label ops took them off (labels from elsewhere are neither). */
    public record AnnotatorProgress(String username, long assigned, long committed, long finished, long skipped,
                                    boolean member, boolean removed) {
    }

    public record Overview(Project project, long items, long itemsDone, long itemsPartial,
                           List<AnnotatorProgress> annotators, Map<String, Long> exposure, List<String> families,
                           AgreementService.Agreement agreement) {

        /** The project's minimum blind time on top of reading, in seconds with one decimal ({@link BlindTime}). */
        public String minBlindSeconds() {
            return String.format(java.util.Locale.ROOT, "%.1f", BlindTime.decisionMs(project) / 1000.0);
        }

        /** The reading speed the attention check allows, in characters a second. */
        public int readCharsPerSecond() {
            return BlindTime.READ_CHARS_PER_SECOND;
        }

        /** Every exposure class, for the export form. */
        public List<String> classes() {
            return java.util.Arrays.stream(ExposureClass.values()).map(ExposureClass::wireName).toList();
        }
    }

    private final EntityManager em;
    private final ProjectService projects;
    private final FactReads facts;
    private final QueueCounts counts;
    private final AgreementService agreement;

    ProjectOverview(EntityManager em, ProjectService projects, FactReads facts, QueueCounts counts,
                    AgreementService agreement) {
        this.em = em;
        this.projects = projects;
        this.facts = facts;
        this.counts = counts;
        this.agreement = agreement;
    }

    /** Reads kept counts only: a row per member, per annotator-week of label facts and per project family. */
    public Overview of(long projectId) {
        return QuarkusTransaction.requiringNew().timeout(LongReads.TIMEOUT_SECONDS).call(() -> {
            Project project = projects.find(projectId);
            long[] items = counts.labeledItems(projectId);
            Map<Long, FactSums> byAnnotator = facts.byAnnotator(projectId);
            Map<String, Long> exposure = new LinkedHashMap<>();
            for (ExposureClass c : ExposureClass.values()) {
                exposure.put(c.wireName(), 0L);
            }
            byAnnotator.values().forEach(s -> s.exposure().forEach((c, n) -> exposure.merge(c, n, Long::sum)));
            List<String> families = em.createNativeQuery("SELECT family FROM project_families WHERE project_id = ?1"
                    + " ORDER BY family").setParameter(1, projectId).getResultList().stream().map(String.class::cast).toList();
            return new Overview(project, items[0], items[2], items[1] - items[2], annotators(projectId, byAnnotator),
                    exposure, families, agreement.agreement(projectId));
        });
    }

    /**
     * Members by username (and anyone else with labels here): assignments had (their last queue position), labels,
     * final answers and skips.
     */
    private List<AnnotatorProgress> annotators(long projectId, Map<Long, FactSums> byAnnotator) {
        Map<Long, Object[]> people = new java.util.TreeMap<>();
        for (Object row : em.createNativeQuery("SELECT u.id, u.username, m.skipped, m.removed_at FROM project_members m"
                + " JOIN users u ON u.id = m.user_id WHERE m.project_id = ?1").setParameter(1, projectId).getResultList()) {
            Object[] r = (Object[]) row;
            people.put(((Number) r[0]).longValue(), r);
        }
        List<Long> others = byAnnotator.keySet().stream().filter(id -> !people.containsKey(id)).toList();
        if (!others.isEmpty()) {
            em.createQuery("select u.id, u.username from User u where u.id in :ids", Object[].class)
                    .setParameter("ids", others).getResultList()
                    .forEach(r -> people.put((Long) r[0], new Object[] {r[0], r[1], 0}));
        }
        List<AnnotatorProgress> rows = new ArrayList<>();
        people.forEach((id, r) -> {
            FactSums s = byAnnotator.get(id);
            long labels = s == null ? 0 : s.labels();
            long finals = s == null ? 0 : s.finals();
            boolean listed = r.length == 4; // a member row (id, name, skipped, removed_at); others have labels only
            boolean member = listed && r[3] == null;
            boolean removed = listed && r[3] != null;
            rows.add(new AnnotatorProgress((String) r[1], AssignmentQueue.lastPosition(projectId, id), labels, finals,
                    ((Number) r[2]).longValue(), member, removed));
        });
        rows.sort(java.util.Comparator.comparing(AnnotatorProgress::username));
        return rows;
    }
}
