package dev.blindfold.facts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;


/**
 * What views read of the kept facts: sums per annotator or per week (reads O(annotators × weeks) rows), the integers of
 * each week's alpha, an annotator's median blind time (an index walk to the middle of their times), the labels not
 * written blind, and flagged labels a page at a time.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FactReads {

    /** A flagged label with its item's external id. */
    public record Flagged(LabelFact fact, String externalId) {
    }

    /** The integers of Krippendorff's nominal alpha over one week's units of one kind. */
    public record AlphaInputs(long pairable, long chancePairs, Map<Integer, Long> equalPairsBySize) {
    }

    /** A whole project's answers of one kind: how many, in how many units (items), and alpha's integers. */
    public record AgreementInputs(long answers, long units, AlphaInputs alpha) {
    }

    private static final String SUMS = String.join(", ", FactStore.WEEK_COLUMNS.stream().map(c -> "SUM(" + c + ")").toList());

    private final EntityManager em;

    FactReads(EntityManager em) {
        this.em = em;
    }

    /** The project's sums over all its labels. */
    public FactSums total(long projectId) {
        FactSums sums = FactSums.zero();
        for (FactSums s : byAnnotator(projectId).values()) {
            sums.add(s);
        }
        return sums;
    }

    /** Annotator id → the sums of their labels in the project. */
    public Map<Long, FactSums> byAnnotator(long projectId) {
        return grouped("annotator_id", projectId);
    }

    /** Monday of the week → the sums of the labels committed in it, weeks without labels absent. */
    public TreeMap<LocalDate, FactSums> byWeek(long projectId) {
        TreeMap<LocalDate, FactSums> weeks = new TreeMap<>();
        grouped("week", projectId).forEach((week, s) -> weeks.put((LocalDate) week, s));
        return weeks;
    }

    @SuppressWarnings("unchecked")
    private <K> Map<K, FactSums> grouped(String by, long projectId) {
        Map<K, FactSums> sums = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT " + by + ", " + SUMS + " FROM annotator_week_facts"
                + " WHERE project_id = ?1 GROUP BY " + by).setParameter(1, projectId).getResultList()) {
            Object[] r = (Object[]) row;
            Object key = by.equals("week") ? FactRows.date(r[0]) : (Object) FactRows.number(r[0]);
            FactSums s = FactSums.zero();
            s.add(r, 1);
            sums.put((K) key, s);
        }
        return sums;
    }

    /** Monday → the alpha inputs of that week's {@code kind} ("blind" or "final") answers. */
    public Map<LocalDate, AlphaInputs> alphaInputs(long projectId, String kind) {
        Map<LocalDate, Map<Integer, Long>> sizes = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT week, m, SUM(equal_pairs) FROM answer_unit_sizes WHERE project_id = ?1"
                + " AND kind = ?2 GROUP BY week, m HAVING SUM(units) <> 0").setParameter(1, projectId).setParameter(2, kind).getResultList()) {
            Object[] r = (Object[]) row;
            sizes.computeIfAbsent(FactRows.date(r[0]), w -> new TreeMap<>())
                    .put((int) FactRows.number(r[1]), FactRows.number(r[2]));
        }
        Map<LocalDate, AlphaInputs> inputs = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT week, SUM(pairable), SUM(chance_pairs) FROM answer_weeks WHERE project_id = ?1"
                + " AND kind = ?2 GROUP BY week").setParameter(1, projectId).setParameter(2, kind).getResultList()) {
            Object[] r = (Object[]) row;
            LocalDate week = FactRows.date(r[0]);
            inputs.put(week, new AlphaInputs(FactRows.number(r[1]), FactRows.number(r[2]),
                    sizes.getOrDefault(week, Map.of())));
        }
        return inputs;
    }

    /**
     * The project's agreement inputs over all its labels: blind answers (those of seen_before_commit labels left out)
     * when {@code blind}, else final answers.
     */
    public AgreementInputs projectAgreement(long projectId, boolean blind) {
        String kind = blind ? AnswerTallies.PROJECT_BLIND : AnswerTallies.PROJECT_FINAL;
        AlphaInputs alpha = alphaInputs(projectId, kind).get(AnswerTallies.ALL_WEEKS);
        List<?> rows = em.createNativeQuery("SELECT SUM(answers), SUM(units) FROM answer_weeks WHERE project_id = ?1 AND week = ?2"
                + " AND kind = ?3 HAVING COUNT(*) > 0").setParameter(1, projectId).setParameter(2, AnswerTallies.ALL_WEEKS)
                .setParameter(3, kind).getResultList();
        if (rows.isEmpty()) {
            return new AgreementInputs(0, 0, new AlphaInputs(0, 0, Map.of()));
        }
        Object[] r = (Object[]) rows.get(0);
        return new AgreementInputs(FactRows.number(r[0]), FactRows.number(r[1]), alpha);
    }

    /** The median of the annotator's blind times in the project ({@code timed} of them); null when none. */
    public Double medianBlindMs(long projectId, long annotatorId, long timed) {
        if (timed == 0) {
            return null;
        }
        List<?> middle = em.createNativeQuery("SELECT blind_ms FROM label_facts WHERE project_id = ?1 AND annotator_id = ?2"
                        + " AND blind_ms IS NOT NULL ORDER BY blind_ms")
                .setParameter(1, projectId).setParameter(2, annotatorId)
                .setFirstResult((int) ((timed - 1) / 2)).setMaxResults(timed % 2 == 1 ? 1 : 2).getResultList();
        if (timed % 2 == 1) {
            return (double) FactRows.number(middle.get(0));
        }
        return (FactRows.number(middle.get(0)) + FactRows.number(middle.get(1))) / 2.0;
    }

    /** The project's seen_before_commit labels: what gold and agreement from blind answers leave out. */
    public NotBlind notBlind(long projectId) {
        NotBlind found = new NotBlind();
        em.createNativeQuery("SELECT assignment_id FROM label_facts WHERE project_id = ?1 AND exposure = 'seen_before_commit'"
                        + " ORDER BY assignment_id").setParameter(1, projectId)
                .getResultStream().forEach(id -> found.add(FactRows.number(id)));
        return found;
    }

    /**
     * Up to {@code limit} flagged labels of one annotator in commit order (then assignment id), after the label
     * committed at {@code afterAt} with id {@code afterId} (null: from the first).
     */
    public List<Flagged> flagged(long projectId, long annotatorId, Instant afterAt, long afterId, int limit) {
        String cols = FactStore.COLUMNS.replaceAll("(\\w+)", "f.$1");
        var q = em.createNativeQuery("SELECT " + cols + ", i.external_id FROM label_facts f JOIN items i ON i.id = f.item_id"
                + " WHERE f.project_id = ?1 AND f.flagged = TRUE AND f.annotator_id = ?2"
                + (afterAt == null ? "" : " AND (f.committed_at, f.assignment_id) > (?3, ?4)")
                + " ORDER BY f.committed_at, f.assignment_id").setParameter(1, projectId).setParameter(2, annotatorId);
        if (afterAt != null) {
            q.setParameter(3, afterAt).setParameter(4, afterId);
        }
        List<Flagged> page = new ArrayList<>();
        for (Object row : q.setMaxResults(limit).getResultList()) {
            Object[] r = (Object[]) row;
            page.add(new Flagged(FactRows.fact(r), (String) r[FactRows.COUNT]));
        }
        return page;
    }
}
