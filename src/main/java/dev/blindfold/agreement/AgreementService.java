package dev.blindfold.agreement;

import dev.blindfold.facts.FactReads;
import dev.blindfold.facts.NotBlind;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.blindfold.labeling.AssignmentStatus;
import dev.blindfold.project.Project;
import dev.blindfold.project.ProjectService;
import dev.blindfold.project.QueueCounts;
import dev.blindfold.project.TaskType;
import dev.blindfold.web.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import dev.blindfold.web.LongReads;

/**
 * Agreement blind vs final, and gold per item, for one project. Reads only; the rules are
 * {@link Krippendorff} and {@link GoldRows} ({@link Majority} or {@link DawidSkene}). Agreement is read from the tallies
 * the read models keep ({@link FactReads#projectAgreement}); gold and {@link #recount} stream the answers an item at a
 * time ({@link AnswerUnits}), so time is linear in the labels and memory holds one item's answers, plus what the rule
 * keeps (alpha's marginals; a Dawid–Skene fit's indices).
 *
 * <ul>
 *   <li>Blind answers count from the commit on (status COMMITTED or FINAL), except those of labels tagged
 *       {@code seen_before_commit} ({@link NotBlind}, from the kept label facts); final answers only for assignments whose status is FINAL.
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
    private final FactReads facts;
    private final AnswerUnits units;
    private final QueueCounts counts;

    AgreementService(ProjectService projects, FactReads facts, AnswerUnits units, QueueCounts counts) {
        this.projects = projects;
        this.facts = facts;
        this.units = units;
        this.counts = counts;
    }

    /**
     * The agreement from the kept tallies ({@link FactReads#projectAgreement}): a few rows per distinct answer size, not
     * the labels. Equal to {@link #recount}.
     */
    public Agreement agreement(long projectId) {
        Project project = projects.find(projectId);
        FactReads.AgreementInputs blind = facts.projectAgreement(projectId, true);
        FactReads.AgreementInputs fin = facts.projectAgreement(projectId, false);
        long finalIsDraft = facts.total(projectId).finalIsDraft();
        return new Agreement(project.id, project.taskType, counts.items(projectId), side(blind), side(fin),
                orNull(fin.answers() == 0 ? Double.NaN : (double) finalIsDraft / fin.answers()), Krippendorff.MEASURE);
    }

    private static Side side(FactReads.AgreementInputs in) {
        FactReads.AlphaInputs a = in.alpha();
        return new Side(orNull(Krippendorff.nominalAlpha(a.pairable(), a.chancePairs(), a.equalPairsBySize())), in.answers());
    }

    /** The agreement counted again from the answers themselves, an item at a time: what {@link #agreement} must equal. */
    public Agreement recount(long projectId) {
        projects.find(projectId);
        return recount(projectId, facts.notBlind(projectId));
    }

    /** The agreement counted from the answers, leaving out the blind answers of {@code notBlind}. */
    private Agreement recount(long projectId, NotBlind notBlind) {
        Project project = projects.find(projectId);
        return read(() -> {
            long[] items = {0};
            Tally blind = new Tally();
            units.forEach(projectId, Source.BLIND, notBlind, unit -> {
                items[0]++;
                blind.add(unit);
            });
            Tally fin = new Tally();
            units.forEach(projectId, Source.FINAL, NotBlind.NONE, fin::add);
            return new Agreement(project.id, project.taskType, items[0], blind.side(), fin.side(),
                    orNull(fin.labels == 0 ? Double.NaN : (double) finalsEqualToADraft(projectId) / fin.labels),
                    Krippendorff.MEASURE);
        });
    }

    /**
     * Gold per item, see {@link GoldRow}, in item import order. Whatever makes it impossible is thrown here (a bad
     * {@code source} or {@code method}, Dawid–Skene on free text or on too many classes, whose fit runs here); the
     * rows are read from the database as they are walked, each walk in its own read.
     *
     * @param source {@code blind} (default) or {@code final}, see {@link Source#parse}
     * @param method {@code majority} (default) or {@code dawid-skene} (CATEGORICAL projects only),
     *               see {@link GoldRows.Method#parse}
     */
    public Gold gold(long projectId, String source, String method) {
        projects.find(projectId);
        Source from = Source.parse(source);
        GoldRows.Method.parse(method);
        return gold(projectId, source, method, from == Source.BLIND ? facts.notBlind(projectId) : NotBlind.NONE);
    }

    /** Gold as {@link #gold(long, String, String)}, leaving out the blind answers of {@code notBlind}. */
    public Gold gold(long projectId, String source, String method, NotBlind notBlind) {
        Project project = projects.find(projectId);
        Source from = Source.parse(source);
        GoldRows.Method how = GoldRows.Method.parse(method);
        NotBlind left = from == Source.BLIND ? notBlind : NotBlind.NONE;
        GoldRows.Units answers = sink -> read(() -> {
            units.forEach(projectId, from, left, sink);
            return null;
        });
        return read(() -> GoldRows.of(project.taskType, project.labelList(), project.overlap, answers, how));
    }

    /** Alpha and the number of answers of one kind, added an item at a time. */
    private static final class Tally {
        private final Krippendorff.Tally alpha = new Krippendorff.Tally();
        private long labels;

        void add(AnswerUnits.Unit unit) {
            labels += unit.answers().size();
            alpha.add(unit.answers().values());
        }

        Side side() {
            return new Side(orNull(alpha.nominalAlpha()), labels);
        }
    }

    /** Of the final answers, how many are exactly the text of one of their item's drafts. */
    private static long finalsEqualToADraft(long projectId) {
        return Panache.getEntityManager().createQuery("select count(f) from Assignment a, FinalAnswer f"
                        + " where f.assignmentId = a.id and a.projectId = ?1 and a.status = ?2"
                        + " and exists (select d.id from Draft d where d.itemId = a.itemId and d.text = f.answer)", Long.class)
                .setParameter(1, projectId).setParameter(2, AssignmentStatus.FINAL).getSingleResult();
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /**
     * Runs {@code work} in the caller's transaction, or in a read of its own: the answers are read through a cursor,
     * which PostgreSQL keeps only inside a transaction. As long as an export may take (a million labels).
     */
    private static <T> T read(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.joiningExisting().timeout(LongReads.TIMEOUT_SECONDS).call(work);
    }
}
