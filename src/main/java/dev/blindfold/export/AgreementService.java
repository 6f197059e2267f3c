package dev.blindfold.export;

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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Agreement blind vs final, and gold per item, for one project. Reads only; the rules are
 * {@link Krippendorff} and {@link GoldRows} ({@link Majority} or {@link DawidSkene}).
 *
 * <ul>
 *   <li>Blind answers count from the commit on (status COMMITTED or FINAL), except those of labels tagged
 *       {@code seen_before_commit} ({@link NotBlind}: found by a class-only pass over the annotators' logs, unless the
 *       caller has classified the labels already); final answers only for assignments whose status is FINAL.
 *       Skipped assignments have neither.</li>
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
    private final LabelReader labels;

    AgreementService(ProjectService projects, LabelReader labels) {
        this.projects = projects;
        this.labels = labels;
    }

    public Agreement agreement(long projectId) {
        projects.find(projectId);
        return agreement(projectId, labels.notBlind(projectId));
    }

    /** The agreement, leaving out the blind answers of {@code notBlind} (a caller that classified the labels). */
    public Agreement agreement(long projectId, NotBlind notBlind) {
        Project project = projects.find(projectId);
        Map<Long, String> items = items(projectId);
        Collection<List<String>> blind = texts(answers(projectId, Source.BLIND, notBlind));
        Map<Long, Map<Long, String>> fin = answers(projectId, Source.FINAL, NotBlind.NONE);
        return new Agreement(project.id, project.taskType, items.size(), side(blind), side(texts(fin)),
                orNull(draftShare(fin)), Krippendorff.MEASURE);
    }

    /**
     * Gold per item, see {@link GoldRow}.
     *
     * @param source {@code blind} (default) or {@code final}, see {@link Source#parse}
     * @param method {@code majority} (default) or {@code dawid-skene} (CATEGORICAL projects only),
     *               see {@link GoldRows.Method#parse}
     */
    public List<GoldRow> gold(long projectId, String source, String method) {
        projects.find(projectId);
        Source from = Source.parse(source);
        GoldRows.Method.parse(method);
        return gold(projectId, source, method, from == Source.BLIND ? labels.notBlind(projectId) : NotBlind.NONE);
    }

    /** Gold as {@link #gold(long, String, String)}, leaving out the blind answers of {@code notBlind}. */
    public List<GoldRow> gold(long projectId, String source, String method, NotBlind notBlind) {
        Project project = projects.find(projectId);
        Source from = Source.parse(source);
        GoldRows.Method how = GoldRows.Method.parse(method);
        return GoldRows.of(project.taskType, project.labelList(), project.overlap, items(projectId),
                answers(projectId, from, from == Source.BLIND ? notBlind : NotBlind.NONE), how);
    }

    private static Side side(Collection<List<String>> answers) {
        long labels = answers.stream().mapToLong(List::size).sum();
        return new Side(orNull(Krippendorff.nominalAlpha(new ArrayList<>(answers))), labels);
    }

    /** Per item, its answers without who gave them: what alpha needs. */
    private static Collection<List<String>> texts(Map<Long, Map<Long, String>> answers) {
        return answers.values().stream().map(a -> List.copyOf(a.values())).toList();
    }

    private static double draftShare(Map<Long, Map<Long, String>> finals) {
        long total = 0;
        long equal = 0;
        for (Map.Entry<Long, Map<Long, String>> item : finals.entrySet()) {
            Set<String> drafts = Draft.forItem(item.getKey()).stream().map(d -> d.text).collect(Collectors.toSet());
            for (String answer : item.getValue().values()) {
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

    /**
     * Item id → (annotator id → answer) of one kind, in assignment order, without the assignments {@code left} out.
     * One answer per annotator and item: an annotator has at most one assignment per item (assignments_item_uq).
     */
    private static Map<Long, Map<Long, String>> answers(long projectId, Source source, NotBlind left) {
        TypedQuery<Object[]> query = source == Source.BLIND
                ? rows("select a.itemId, a.annotatorId, b.answer, a.id from Assignment a, BlindAnswer b"
                        + " where b.assignmentId = a.id and a.projectId = ?1 order by a.itemId, a.id", projectId)
                : rows("select a.itemId, a.annotatorId, f.answer, a.id from Assignment a, FinalAnswer f"
                        + " where f.assignmentId = a.id and a.projectId = ?1 and a.status = ?2 order by a.itemId, a.id",
                        projectId).setParameter(2, AssignmentStatus.FINAL);
        Map<Long, Map<Long, String>> answers = new LinkedHashMap<>();
        for (Object[] row : query.getResultList()) {
            if (!left.contains((Long) row[3])) {
                answers.computeIfAbsent((Long) row[0], id -> new LinkedHashMap<>()).put((Long) row[1], (String) row[2]);
            }
        }
        return answers;
    }

    private static TypedQuery<Object[]> rows(String jpql, long projectId) {
        return Panache.getEntityManager().createQuery(jpql, Object[].class).setParameter(1, projectId);
    }
}
