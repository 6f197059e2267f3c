package dev.blindfold.audit;

import dev.blindfold.export.LabelReader;
import dev.blindfold.export.NotBlind;
import dev.blindfold.project.Project;
import dev.blindfold.project.ProjectService;
import dev.blindfold.web.BlindfoldConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-annotator anchoring, weekly drift and flags of one project, from one streamed pass over its labels
 * ({@link LabelReader}) in a read transaction of its own. Memory: per-annotator and per-week tallies and the flags.
 */
@ApplicationScoped
public class AnchoringService {

    /** As long as an export may take: the pass reads every label's events. */
    private static final int TIMEOUT_SECONDS = 3600;

    /** The project with its report, and its labels not written blind (seen_before_commit). */
    public record ProjectAnchoring(Project project, AnchoringReport report, NotBlind notBlind) {
    }

    private final EntityManager em;
    private final ProjectService projects;
    private final LabelReader labels;
    private final BlindfoldConfig config;

    AnchoringService(EntityManager em, ProjectService projects, LabelReader labels, BlindfoldConfig config) {
        this.em = em;
        this.projects = projects;
        this.labels = labels;
        this.config = config;
    }

    /** The report; a 404 problem for an unknown project. */
    public ProjectAnchoring report(long projectId) {
        return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> {
            Project project = projects.find(projectId);
            Map<Long, String> names = usernames(projectId);
            AnchoringStatistics statistics = new AnchoringStatistics(id -> names.getOrDefault(id, "user " + id),
                    config.audit().minBlindMs(), config.audit().maxBlindFocusLosses());
            labels.forEach(projectId, null, statistics::add);
            return new ProjectAnchoring(project, statistics.report(), statistics.notBlind());
        });
    }

    /** Annotator id → username for everyone with an assignment in the project, in one query. */
    private Map<Long, String> usernames(long projectId) {
        Map<Long, String> names = new HashMap<>();
        em.createQuery("select distinct u.id, u.username from Assignment a, User u where u.id = a.annotatorId"
                        + " and a.projectId = :p", Object[].class).setParameter("p", projectId).getResultList()
                .forEach(r -> names.put((Long) r[0], (String) r[1]));
        return names;
    }
}
