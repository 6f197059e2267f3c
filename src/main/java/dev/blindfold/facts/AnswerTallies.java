package dev.blindfold.facts;

import dev.blindfold.exposure.ExposureClass;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the integers of Krippendorff's nominal alpha per project, week and kind of answer (V13: answer_units,
 * answer_unit_values, answer_values, answer_unit_sizes, answer_weeks) as answers are added to or taken from a unit.
 * A change locks its unit's row first, then the answer rows it changes in key order, then the size rows in size
 * order, then the week row: every transaction takes them in that order, so none waits for another in a cycle.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class AnswerTallies {

    static final String BLIND = "blind";
    static final String FINAL = "final";
    static final String PROJECT_BLIND = "project-blind";
    static final String PROJECT_FINAL = "project-final";
    /** The order a transaction changes kinds in (one label changes one unit per kind). */
    static final List<String> KINDS = List.of(BLIND, FINAL, PROJECT_BLIND, PROJECT_FINAL);
    /** The week the project kinds are kept under: a Monday no label is committed in. */
    static final LocalDate ALL_WEEKS = LocalDate.of(1970, 1, 5);

    /** One answer of a label as a kind counts it: the unit (project, week, item) and the answer's key. */
    record Answer(long projectId, LocalDate week, long itemId, long key) {
    }

    /**
     * The label's answer of {@code kind}, null when it has none: its blind answer (kind project-blind: only when the
     * label is not seen_before_commit, as agreement from blind answers leaves those out), or its final answer.
     */
    static Answer answer(LabelFact f, String kind) {
        return switch (kind) {
            case BLIND -> new Answer(f.projectId(), f.week(), f.itemId(), f.blindKey());
            case FINAL -> f.finalKey() == null ? null : new Answer(f.projectId(), f.week(), f.itemId(), f.finalKey());
            case PROJECT_BLIND -> f.exposure() == ExposureClass.SEEN_BEFORE_COMMIT ? null
                    : new Answer(f.projectId(), ALL_WEEKS, f.itemId(), f.blindKey());
            case PROJECT_FINAL -> f.finalKey() == null ? null : new Answer(f.projectId(), ALL_WEEKS, f.itemId(), f.finalKey());
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static final List<String> UNIT = List.of("project_id", "week", "kind", "item_id");
    /** Keys of the project-wide rows, in shards by item ({@link Sums#shard}). */
    private static final List<String> SIZE = List.of("project_id", "week", "kind", "m", "shard");
    private static final List<String> WEEK = List.of("project_id", "week", "kind", "shard");

    private final DirectSql sql;
    private final Sums sums;

    AnswerTallies(DirectSql sql, Sums sums) {
        this.sql = sql;
        this.sums = sums;
    }

    /** Adds the answer ({@code delta} 1) to its unit, or takes it away (-1). */
    void change(Answer answer, String kind, int delta) {
        long projectId = answer.projectId();
        LocalDate week = answer.week();
        long itemId = answer.itemId();
        long key = answer.key();
        List<Object> unit = List.of(projectId, week, kind, itemId);
        Object[] head = lockUnit(unit);
        long m = ((Number) head[0]).longValue();
        long squares = ((Number) head[1]).longValue();
        Map<Long, Long> before = new TreeMap<>();
        for (Object[] r : sql.rows("SELECT answer_key, n FROM answer_unit_values WHERE project_id = ?1"
                + " AND week = ?2 AND kind = ?3 AND item_id = ?4 AND n <> 0", unit)) {
            before.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
        }
        long n = before.getOrDefault(key, 0L);
        long after = n + delta;
        if (after < 0) {
            throw new IllegalStateException("answer count below zero in a unit of project " + projectId);
        }
        long m2 = m + delta;
        long squares2 = squares - n * n + after * after;
        sums.add("answer_units", UNIT, unit, List.of("m", "squares"), new long[] {delta, squares2 - squares});
        sums.add("answer_unit_values", List.of("project_id", "week", "kind", "item_id", "answer_key"),
                List.of(projectId, week, kind, itemId, key), List.of("n"), new long[] {delta});

        long unitsDelta = (m2 >= 1 ? 1 : 0) - (m >= 1 ? 1 : 0);
        Map<Long, Long> now = new TreeMap<>(before);
        now.put(key, after);
        long[] pairs = {0, 0};
        if (m < 2 && m2 >= 2) {
            pairs = changePairable(projectId, week, kind, now, Map.of());
        } else if (m >= 2 && m2 < 2) {
            pairs = changePairable(projectId, week, kind, Map.of(), before);
        } else if (m >= 2) {
            pairs = changePairable(projectId, week, kind, Map.of(key, after), Map.of(key, n));
        }
        TreeMap<Long, long[]> sizes = new TreeMap<>();
        if (m >= 2) {
            sizes.computeIfAbsent(m, s -> new long[2]);
            sizes.get(m)[0] -= 1;
            sizes.get(m)[1] -= squares - m;
        }
        if (m2 >= 2) {
            sizes.computeIfAbsent(m2, s -> new long[2]);
            sizes.get(m2)[0] += 1;
            sizes.get(m2)[1] += squares2 - m2;
        }
        short shard = Sums.shard(itemId);
        sizes.forEach((size, d) -> sums.add("answer_unit_sizes", SIZE, List.of(projectId, week, kind, size.intValue(), shard),
                List.of("units", "equal_pairs"), d));
        sums.add("answer_weeks", WEEK, List.of(projectId, week, kind, shard),
                List.of("answers", "units", "pairable", "chance_pairs"), new long[] {delta, unitsDelta, pairs[0], pairs[1]});
    }

    /**
     * Makes the unit's row if it has none, locks it and reads its {@code m} and {@code squares}: on PostgreSQL one
     * upsert returning them, on H2 (no RETURNING on MERGE) an upsert and a read.
     */
    private Object[] lockUnit(List<Object> unit) {
        if (sums.postgres()) {
            return sql.rows("INSERT INTO answer_units AS t (project_id, week, kind, item_id, m, squares)"
                    + " VALUES (?1, ?2, ?3, ?4, 0, 0) ON CONFLICT (project_id, week, kind, item_id)"
                    + " DO UPDATE SET m = t.m RETURNING m, squares", unit).get(0);
        }
        sums.add("answer_units", UNIT, unit, List.of("m", "squares"), new long[] {0, 0});
        return sql.rows("SELECT m, squares FROM answer_units WHERE project_id = ?1 AND week = ?2 AND kind = ?3"
                + " AND item_id = ?4", unit).get(0);
    }

    /**
     * Moves pairable counts of answer keys from {@code from} (key → count before; absent: 0) to {@code to} (key → count
     * after; absent: 0); returns how the week's pairable total and chance pairs move with them.
     */
    private long[] changePairable(long projectId, LocalDate week, String kind, Map<Long, Long> to, Map<Long, Long> from) {
        java.util.TreeSet<Long> keys = new java.util.TreeSet<>(from.keySet());
        keys.addAll(to.keySet());
        long total = 0;
        long chance = 0;
        for (Long k : keys) {
            long a = from.getOrDefault(k, 0L);
            long b = to.getOrDefault(k, 0L);
            if (a == b) {
                continue;
            }
            sums.add("answer_values", List.of("project_id", "week", "kind", "answer_key"),
                    List.of(projectId, week, kind, k), List.of("pairable"), new long[] {b - a});
            long next = pairable(projectId, week, kind, k);
            long now = next - (b - a);
            total += b - a;
            chance += next * (next - 1) - now * (now - 1);
        }
        return new long[] {total, chance};
    }

    private long pairable(long projectId, LocalDate week, String kind, long key) {
        List<Object[]> rows = sql.rows("SELECT pairable FROM answer_values WHERE project_id = ?1 AND week = ?2"
                + " AND kind = ?3 AND answer_key = ?4", List.of(projectId, week, kind, key));
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)[0]).longValue();
    }
}
