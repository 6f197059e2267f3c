package dev.blindfold.export;

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
 */
@ApplicationScoped
class AnswerUnits {

    /** One item and its answers: annotator id → answer, in assignment order (an annotator answers an item once). */
    record Unit(long itemId, String externalId, Map<Long, String> answers) {
    }

    private static final String BLIND = "select i.id, i.external_id, a.annotator_id, b.answer, a.id from items i"
            + " left join assignments a on a.item_id = i.id"
            + " left join blind_answers b on b.assignment_id = a.id"
            + " where i.project_id = ?1 order by i.id, a.id";
    private static final String FINAL = "select i.id, i.external_id, a.annotator_id, f.answer, a.id from items i"
            + " left join assignments a on a.item_id = i.id and a.status = '" + AssignmentStatus.FINAL.name() + "'"
            + " left join final_answers f on f.assignment_id = a.id"
            + " where i.project_id = ?1 order by i.id, a.id";
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
                long itemId = ((Number) r[0]).longValue();
                if (current == null || current.itemId() != itemId) {
                    if (current != null) {
                        sink.accept(current);
                    }
                    current = new Unit(itemId, (String) r[1], new LinkedHashMap<>());
                }
                if (r[3] != null && !left.contains(((Number) r[4]).longValue())) {
                    current.answers().put(((Number) r[2]).longValue(), (String) r[3]);
                }
            }
        }
        if (current != null) {
            sink.accept(current);
        }
    }
}
