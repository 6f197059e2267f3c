package dev.blindfold.audit.mirrorgap;

import dev.blindfold.project.ProjectService;
import dev.blindfold.web.BlindfoldConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The mirror gap per model family of one project ({@link MirrorGap}) from what {@link MirrorGapFacts} keeps: gold per
 * item by majority from blind answers (not those of seen_before_commit labels) and from final answers, every draft
 * scored against both. A family's row reads its kept sums; its interval is a bootstrap over its scored items' kept
 * rows when it has at most {@code blindfold.audit.bootstrap-items} of them (seeded from the project id, so a report
 * gives the same interval every time), else the normal interval from the sums ({@link MirrorGap#fromSums}). So the
 * cost is bounded by that setting, not by the project's labels.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MirrorGapService {

    private static final double E9 = 1e9;

    private final EntityManager em;
    private final ProjectService projects;
    private final BlindfoldConfig config;

    MirrorGapService(EntityManager em, ProjectService projects, BlindfoldConfig config) {
        this.em = em;
        this.projects = projects;
        this.config = config;
    }

    /** One row per model family with drafts in the project, by family name. */
    public List<MirrorGapRow> mirrorGap(long projectId) {
        projects.find(projectId);
        Map<String, Object[]> families = new TreeMap<>();
        for (Object row : em.createNativeQuery("SELECT pf.family, pf.items, s.items, s.drafts, s.blind_e9, s.final_e9,"
                        + " s.diff_squares, s.diff_drafts, s.draft_squares FROM project_families pf"
                        + " LEFT JOIN (SELECT family, " + MirrorScores.SUMMED + " FROM mirror_gap_families"
                        + " WHERE project_id = ?1 GROUP BY family) s ON s.family = pf.family WHERE pf.project_id = ?1")
                .setParameter(1, projectId).getResultList()) {
            Object[] r = (Object[]) row;
            families.put((String) r[0], r);
        }
        List<MirrorGapRow> rows = new ArrayList<>();
        families.forEach((family, r) -> {
            MirrorScores.FamilySums sums = r[2] == null ? MirrorScores.FamilySums.NONE : MirrorScores.FamilySums.of(r, 2);
            int skipped = Math.toIntExact(((Number) r[1]).longValue() - sums.items());
            rows.add(MirrorGapRow.of(family, estimate(projectId, family, sums), skipped));
        });
        return rows;
    }

    private MirrorGap.Estimate estimate(long projectId, String family, MirrorScores.FamilySums sums) {
        if (sums.items() <= config.audit().bootstrapItems()) {
            return MirrorGap.estimate(items(projectId, family), config.audit().bootstrapResamples(),
                    new SplittableRandom(projectId));
        }
        return MirrorGap.fromSums(sums.items(), sums.drafts(), sums.blindE9().doubleValue() / E9,
                sums.finalE9().doubleValue() / E9, sums.diffSquares().doubleValue() / (E9 * E9),
                sums.diffDrafts().doubleValue() / E9, sums.draftSquares().doubleValue());
    }

    /** The family's scored items in item order: one range of mirror_gap_items_scored_ix. */
    private List<MirrorGap.ItemScores> items(long projectId, String family) {
        List<MirrorGap.ItemScores> items = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT drafts, blind_e9, final_e9 FROM mirror_gap_items"
                        + " WHERE project_id = ?1 AND family = ?2 AND scored = TRUE ORDER BY item_id")
                .setParameter(1, projectId).setParameter(2, family).getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new MirrorGap.ItemScores(((Number) r[0]).intValue(), ((Number) r[1]).longValue() / E9,
                    ((Number) r[2]).longValue() / E9));
        }
        return items;
    }
}
