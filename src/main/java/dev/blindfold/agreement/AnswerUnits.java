package dev.blindfold.agreement;

import dev.blindfold.facts.NotBlind;
import dev.blindfold.labeling.AssignmentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A project's items one at a time, in import order, each with its answers of one kind: what agreement and gold read.
 * One query, read through a cursor ({@link #FETCH} rows at a time), so memory holds one item's answers, never the
 * project's. Blind answers count from the commit on; final answers only for assignments whose status is FINAL.
 *
 * <p>The query is the project's items and its assignments side by side ({@code union all}), sorted so that an item's
 * row (the one with an externalId) comes just before its assignments' rows, each answer read by a scalar subquery.
 * Each side is bounded by the project on its own table's index, and PostgreSQL runs the subquery as one primary-key
 * probe per assignment, whatever its statistics say. Joining items with assignments went wrong either way: unbounded,
 * the generic plan hashed every assignment of every project (0.7 s for a 1,000-item project among 1.5M assignments;
 * now 20 ms, or about 0.2 s when PostgreSQL JIT-compiles the generic plan); bounded by the project, statistics that had
 * not seen the project (or none at all) made it a loop over the project's assignments for each item, 38 s for 10,000
 * items and over two minutes for 20,000.
 */
@ApplicationScoped
class AnswerUnits {

    /** One item and its answers: annotator id → answer, in assignment order (an annotator answers an item once). */
    record Unit(long itemId, String externalId, Map<Long, String> answers) {
    }

    private static final String UNITS = "select i.id, i.external_id, cast(null as bigint), cast(null as varchar),"
            + " cast(null as bigint) from items i where i.project_id = ?1"
            + " union all select a.item_id, null, a.annotator_id,"
            + " (select x.answer from %s x where x.assignment_id = a.id), a.id"
            + " from assignments a where a.project_id = ?1%s"
            + " order by 1, 5 nulls first";
    private static final String BLIND = UNITS.formatted("blind_answers", "");
    private static final String FINAL = UNITS.formatted("final_answers",
            " and a.status = '" + AssignmentStatus.FINAL.name() + "'");
    private static final int FETCH = 1_000;

    private final EntityManager em;

    AnswerUnits(EntityManager em) {
        this.em = em;
    }

    /**
     * Hands every item of the project to {@code sink} (items without answers too, with none), leaving out the answers
     * of the assignments in {@code left}. Needs a transaction: PostgreSQL reads through a cursor only inside one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void forEach(long projectId, AgreementService.Source source, NotBlind left, Consumer<Unit> sink) {
        Unit current = null;
        String sql = source == AgreementService.Source.BLIND ? BLIND : FINAL;
        try (Stream<Object[]> rows = em.createNativeQuery(sql, Object[].class).setParameter(1, projectId)
                .setHint("org.hibernate.fetchSize", FETCH).getResultStream()) {
            for (Object[] r : (Iterable<Object[]>) rows::iterator) {
                if (r[1] != null) {
                    if (current != null) {
                        sink.accept(current);
                    }
                    current = new Unit(((Number) r[0]).longValue(), (String) r[1], new LinkedHashMap<>());
                } else if (r[3] != null && !left.contains(((Number) r[4]).longValue())) {
                    current.answers().put(((Number) r[2]).longValue(), (String) r[3]);
                }
            }
        }
        if (current != null) {
            sink.accept(current);
        }
    }
}
