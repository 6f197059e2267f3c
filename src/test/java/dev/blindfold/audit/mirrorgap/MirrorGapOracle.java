package dev.blindfold.audit.mirrorgap;

import dev.blindfold.agreement.AgreementService;
import dev.blindfold.agreement.Gold;
import dev.blindfold.facts.FactReads;
import dev.blindfold.facts.NotBlind;
import dev.blindfold.project.Project;
import dev.blindfold.project.ProjectService;
import dev.blindfold.project.TaskType;
import dev.blindfold.web.BlindfoldConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The mirror gap as the report computed it before it was kept (issue 12), from the gold endpoint's own gold
 * ({@link AgreementService#gold}) and every draft, in doubles, holding the project's drafts and gold in memory: what
 * {@link MirrorGapService} must show (intervals by bootstrap, so at most {@code bootstrap-items} scored items a family).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MirrorGapOracle {

    private final ProjectService projects;
    private final AgreementService agreement;
    private final FactReads facts;
    private final BlindfoldConfig config;

    MirrorGapOracle(ProjectService projects, AgreementService agreement, FactReads facts, BlindfoldConfig config) {
        this.projects = projects;
        this.agreement = agreement;
        this.facts = facts;
        this.config = config;
    }

    /** One row per model family with drafts in the project, by family name. */
    public List<MirrorGapRow> mirrorGap(long projectId) {
        projects.find(projectId);
        return mirrorGap(projectId, facts.notBlind(projectId));
    }

    /**
     * As {@link #mirrorGap(long)}, the blind gold leaving out {@code notBlind}: a seen_before_commit label's answer
     * was written after drafts of its content were shown, so counting it as blind would shrink the gap it measures.
     */
    private List<MirrorGapRow> mirrorGap(long projectId, NotBlind notBlind) {
        Project project = projects.find(projectId);
        boolean freeText = project.taskType != TaskType.CATEGORICAL;
        Map<String, List<String>> blind = gold(agreement.gold(projectId, "blind", "majority", notBlind), freeText);
        Map<String, List<String>> fin = gold(agreement.gold(projectId, "final", "majority", NotBlind.NONE), freeText);
        Map<String, Family> families = new TreeMap<>();
        List<Object[]> drafts = Panache.getEntityManager().createQuery("select i.externalId, d.family, d.text"
                        + " from Draft d, Item i where d.itemId = i.id and i.projectId = :p order by i.id, d.id", Object[].class)
                .setParameter("p", projectId).getResultList();
        for (Object[] d : drafts) {
            String item = (String) d[0];
            Family family = families.computeIfAbsent((String) d[1], f -> new Family());
            List<String> b = blind.get(item);
            List<String> f = fin.get(item);
            if (b == null || f == null) {
                family.skipped.add(item);
            } else {
                double[] s = family.scores.computeIfAbsent(item, k -> new double[3]);
                s[0]++;
                s[1] += MirrorGap.score((String) d[2], b, freeText);
                s[2] += MirrorGap.score((String) d[2], f, freeText);
            }
        }
        List<MirrorGapRow> rows = new ArrayList<>();
        int resamples = config.audit().bootstrapResamples();
        families.forEach((name, family) -> {
            List<MirrorGap.ItemScores> items = family.scores.values().stream()
                    .map(s -> new MirrorGap.ItemScores((int) s[0], s[1], s[2])).toList();
            rows.add(MirrorGapRow.of(name, MirrorGap.estimate(items, resamples, new SplittableRandom(projectId)),
                    family.skipped.size()));
        });
        return rows;
    }

    /** External id → the gold to score against: the references (free text) or the one label; absent without gold. */
    private static Map<String, List<String>> gold(Gold rows, boolean freeText) {
        Map<String, List<String>> gold = new HashMap<>();
        rows.forEach(row -> {
            if (freeText && row.references() != null && !row.references().isEmpty()) {
                gold.put(row.externalId(), row.references());
            } else if (!freeText && row.gold() != null) {
                gold.put(row.externalId(), List.of(row.gold()));
            }
        });
        return gold;
    }

    /** A family's drafts: per scored item (in item order) drafts, blind sum, final sum; skipped items. */
    private static final class Family {
        final Map<String, double[]> scores = new java.util.LinkedHashMap<>();
        final Set<String> skipped = new HashSet<>();
    }
}
