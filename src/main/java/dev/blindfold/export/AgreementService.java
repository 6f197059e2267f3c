package dev.blindfold.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.blindfold.labeling.AssignmentStatus;
import dev.blindfold.project.Draft;
import dev.blindfold.project.Project;
import dev.blindfold.project.ProjectService;
import dev.blindfold.project.TaskType;
import dev.blindfold.web.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Agreement blind vs final, and gold per item, for one project. Reads only; the rules are
 * {@link Krippendorff} and {@link Majority}.
 *
 * <ul>
 *   <li>Blind answers count from the commit on (status COMMITTED or FINAL); final answers only for
 *       assignments whose status is FINAL. Skipped assignments have neither.</li>
 *   <li>Each item is a unit; its annotators are the coders. Items with fewer than two answers of a
 *       kind are not pairable and do not enter that alpha (they still count in {@code labels}).</li>
 *   <li>{@code finalEqualsDraftShare}: of the final answers, the share whose text is exactly the
 *       text of one of that item's drafts. In a categorical project whose drafts are labels this is
 *       mostly 1; it speaks most for free text.</li>
 *   <li>An undefined alpha or share (NaN: nothing pairable, no variation, no final answers) is
 *       {@code null} in JSON.</li>
 * </ul>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AgreementService {

    /** Alpha over one kind of answer and how many answers of that kind there are. */
    public record Side(Double alpha, long labels) {
    }

    public record Agreement(long projectId, TaskType taskType, long units, Side blind,
                            @JsonProperty("final") Side finalSide, Double finalEqualsDraftShare,
                            String alphaMeasure) {
    }

    /** One item's gold; {@code references} only for free-text projects. */
    public record GoldRow(String externalId, String gold, Map<String, Integer> votes, boolean tie, boolean partial,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<String> references) {
    }

    /** Which answers gold is taken from. */
    public enum Source {
        BLIND, FINAL;

        /** {@code blind} (also when absent) or {@code final}, any case; anything else is a 400. */
        public static Source parse(String value) {
            if (value == null || value.isEmpty()) {
                return BLIND;
            }
            for (Source source : values()) {
                if (source.name().equalsIgnoreCase(value)) {
                    return source;
                }
            }
            throw ProblemException.badRequest("invalid-source", "source must be 'blind' or 'final'.");
        }
    }

    private final ProjectService projects;

    AgreementService(ProjectService projects) {
        this.projects = projects;
    }

    public Agreement agreement(long projectId) {
        Project project = projects.find(projectId);
        Map<Long, String> items = items(projectId);
        Map<Long, List<String>> blind = answers(projectId, Source.BLIND);
        Map<Long, List<String>> fin = answers(projectId, Source.FINAL);
        return new Agreement(project.id, project.taskType, items.size(), side(blind), side(fin),
                orNull(draftShare(fin)), Krippendorff.MEASURE);
    }

    public List<GoldRow> gold(long projectId, String source) {
        Project project = projects.find(projectId);
        Map<Long, List<String>> answers = answers(projectId, Source.parse(source));
        boolean freeText = project.taskType == TaskType.FREE_TEXT;
        List<GoldRow> rows = new ArrayList<>();
        for (Map.Entry<Long, String> item : items(projectId).entrySet()) {
            Majority m = Majority.of(answers.getOrDefault(item.getKey(), List.of()), project.overlap, freeText);
            rows.add(new GoldRow(item.getValue(), m.gold(), m.votes(), m.tie(), m.partial(), m.references()));
        }
        return rows;
    }

    private static Side side(Map<Long, List<String>> answers) {
        long labels = answers.values().stream().mapToLong(List::size).sum();
        return new Side(orNull(Krippendorff.nominalAlpha(new ArrayList<>(answers.values()))), labels);
    }

    private static double draftShare(Map<Long, List<String>> finals) {
        long total = 0;
        long equal = 0;
        for (Map.Entry<Long, List<String>> item : finals.entrySet()) {
            Set<String> drafts = Draft.forItem(item.getKey()).stream().map(d -> d.text).collect(Collectors.toSet());
            for (String answer : item.getValue()) {
                total++;
                equal += drafts.contains(answer) ? 1 : 0;
            }
        }
        return total == 0 ? Double.NaN : (double) equal / total;
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /** Item id → externalId, in import order. */
    private static Map<Long, String> items(long projectId) {
        Map<Long, String> items = new LinkedHashMap<>();
        for (Object[] row : rows("select i.id, i.externalId from Item i where i.projectId = ?1 order by i.id",
                projectId).getResultList()) {
            items.put((Long) row[0], (String) row[1]);
        }
        return items;
    }

    /** Item id → its answers of one kind, in assignment order. */
    private static Map<Long, List<String>> answers(long projectId, Source source) {
        TypedQuery<Object[]> query = source == Source.BLIND
                ? rows("select a.itemId, b.answer from Assignment a, BlindAnswer b"
                        + " where b.assignmentId = a.id and a.projectId = ?1 order by a.itemId, a.id", projectId)
                : rows("select a.itemId, f.answer from Assignment a, FinalAnswer f"
                        + " where f.assignmentId = a.id and a.projectId = ?1 and a.status = ?2 order by a.itemId, a.id",
                        projectId).setParameter(2, AssignmentStatus.FINAL);
        Map<Long, List<String>> answers = new LinkedHashMap<>();
        for (Object[] row : query.getResultList()) {
            answers.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((String) row[1]);
        }
        return answers;
    }

    private static TypedQuery<Object[]> rows(String jpql, long projectId) {
        return Panache.getEntityManager().createQuery(jpql, Object[].class).setParameter(1, projectId);
    }
}
