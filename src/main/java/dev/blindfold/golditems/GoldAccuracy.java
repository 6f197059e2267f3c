package dev.blindfold.golditems;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Each annotator's accuracy on a project's gold items: the share of their blind answers on gold that equal the known
 * answer, and separately of their final answers, each with its Wilson interval, and their qualification. Read from the
 * counts a commit keeps in the member's row ({@code project.KnownAnswers#score}), a page of members at a time by
 * {@code members_uq}, each username by one probe of {@code users_pkey} (a join let PostgreSQL walk every user in id
 * order and probe the members for each: 38 ms for a page at 20,000 users, growing with them): no label is read. "Equal" is exact string equality, as agreement and consensus gold compare.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class GoldAccuracy {

    /**
     * One annotator: blind and final accuracy on gold; {@code change} is final minus blind accuracy, how much seeing
     * the drafts moved them (null without both); {@code qualified} null while undecided or without a qualification.
     */
    public record Row(long annotatorId, String annotator, Wilson blind, @JsonProperty("final") Wilson fin, Double change,
                      Boolean qualified) {
        static Row of(long annotatorId, String annotator, Wilson blind, Wilson fin, Boolean qualified) {
            Double change = blind.share() == null || fin.share() == null ? null : fin.share() - blind.share();
            return new Row(annotatorId, annotator, blind, fin, change, qualified);
        }
    }

    /** A page of rows, in annotator id order; {@code next} is the {@code after} of the next page, or null. */
    public record Page(long projectId, long goldItems, List<Row> annotators, Long next) {
    }

    static final int MAX_PAGE = 500;

    private final EntityManager em;

    GoldAccuracy(EntityManager em) {
        this.em = em;
    }

    /** Members with id above {@code after} (removed ones too: their answers count), at most {@code limit}. */
    @SuppressWarnings("unchecked")
    public List<Row> rows(long projectId, long after, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT m.user_id, (SELECT u.username FROM users u"
                        + " WHERE u.id = m.user_id), m.gold_blind, m.gold_blind_right, m.gold_final, m.gold_final_right,"
                        + " m.qualified FROM project_members m WHERE m.project_id = ?1 AND m.user_id > ?2"
                        + " ORDER BY m.project_id, m.user_id")
                .setParameter(1, projectId).setParameter(2, after).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> Row.of(number(r[0]), (String) r[1], Wilson.of(number(r[3]), number(r[2])),
                Wilson.of(number(r[5]), number(r[4])), (Boolean) r[6])).toList();
    }

    /** Every member's row, a page at a time (the report lists every annotator, as its anchoring table does). */
    public GoldQuality quality(long projectId, long goldItems) {
        List<Row> all = new java.util.ArrayList<>();
        for (List<Row> page = rows(projectId, 0, MAX_PAGE); !page.isEmpty();
             page = page.size() < MAX_PAGE ? List.of() : rows(projectId, page.get(page.size() - 1).annotatorId(), MAX_PAGE)) {
            all.addAll(page);
        }
        return new GoldQuality(goldItems, all);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
