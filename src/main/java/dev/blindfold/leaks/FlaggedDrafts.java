package dev.blindfold.leaks;

import dev.blindfold.project.DraftNames;
import dev.blindfold.project.IdentityTerms;
import dev.blindfold.project.LeakCounts;
import dev.blindfold.web.BlindfoldConfig;
import dev.blindfold.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * A project's flagged drafts, a page at a time in draft id order: one range of the {@code drafts_leak_ix} index after
 * the last id the caller saw (keyset paging), each row joined to its item by primary key. Neither the project's items
 * nor its clean drafts are read, so a page costs the same on the first page and the last, however large the project.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FlaggedDrafts {

    /** Most drafts a page; the page shows {@link #PAGE}. */
    static final int MAX_LIMIT = 200;
    static final int PAGE = 50;

    /** A flagged draft; {@code term} is the first name found when it was flagged. */
    public record Row(long id, long itemId, String itemExternalId, String model, String family, String version,
                      String term, String text) {
    }

    /** {@code next}: the {@code after} of the next page, null on the last one; {@code flagged}: the project's count. */
    public record Page(long projectId, String projectName, List<Row> drafts, Long next, long flagged) {
    }

    private final EntityManager em;
    private final LeakCounts counts;
    private final BlindfoldConfig config;

    FlaggedDrafts(EntityManager em, LeakCounts counts, BlindfoldConfig config) {
        this.em = em;
        this.counts = counts;
        this.config = config;
    }

    public Page page(long projectId, long after, int limit) {
        Object name = em.createNativeQuery("SELECT name FROM projects WHERE id = ?1").setParameter(1, projectId)
                .getResultStream().findFirst().orElse(null);
        if (name == null) {
            throw ProblemException.notFound("Project " + projectId);
        }
        List<Row> rows = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT d.id, d.item_id, i.external_id, d.model, d.family, d.version,"
                        + " d.identity_leak, d.text FROM drafts d JOIN items i ON i.id = d.item_id"
                        + " WHERE d.leak_project_id = ?1 AND d.id > ?2 ORDER BY d.id LIMIT ?3")
                .setParameter(1, projectId).setParameter(2, after).setParameter(3, limit + 1).getResultList()) {
            Object[] r = (Object[]) row;
            rows.add(new Row(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], (String) r[6], (String) r[7]));
        }
        Long next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = rows.get(limit - 1).id();
        }
        return new Page(projectId, (String) name, rows, next, counts.of(projectId));
    }

    /** What a draft of the project must not name, for marking the names on the page. */
    public IdentityTerms terms(long projectId) {
        return IdentityTerms.of(DraftNames.terms(em, projectId, config.identityLeaks().terms()));
    }
}
