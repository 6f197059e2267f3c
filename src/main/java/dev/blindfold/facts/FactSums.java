package dev.blindfold.facts;

import dev.blindfold.exposure.ExposureClass;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums of label facts over some annotator-weeks: the counters of annotator_week_facts, in the order of
 * {@link FactStore#WEEK_COLUMNS}. Similarity sums are exact integers (times 10^9). Plain Java.
 */
public final class FactSums {

    private static final List<ExposureClass> CLASSES = List.of(ExposureClass.BLIND_ONLY, ExposureClass.BLIND_KEPT,
            ExposureClass.AWAITING_FINAL, ExposureClass.SEEN_BEFORE_COMMIT, ExposureClass.REVISED_AFTER_REVEAL,
            ExposureClass.DRAFT_ACCEPTED);

    private final long[] v;

    FactSums(long[] values) {
        this.v = values;
    }

    public long labels() { return v[0]; }
    public long revealed() { return v[1]; }
    public long finals() { return v[2]; }
    public long revealedFinals() { return v[3]; }
    public long revised() { return v[4]; }
    public long accepted() { return v[5]; }
    /** Revealed labels with a final decision and a shown draft: the base of the closeness means. */
    public long closest() { return v[6]; }
    public long closestFinalE9() { return v[7]; }
    public long closestBlindE9() { return v[8]; }
    public long pastedChars() { return v[9]; }
    public long blindChars() { return v[10]; }
    public long pasteDominant() { return v[11]; }
    public long focusLosses() { return v[12]; }
    /** Labels with a blind time. */
    public long timed() { return v[13]; }
    /** Final answers exactly the text of one of their item's drafts. */
    public long finalIsDraft() { return v[25]; }

    /** Labels per exposure class, every class present (unknown is never kept here: 0). */
    public Map<String, Long> exposure() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ExposureClass c : ExposureClass.values()) {
            int i = CLASSES.indexOf(c);
            counts.put(c.wireName(), i < 0 ? 0L : v[14 + i]);
        }
        return counts;
    }

    /** Flags raised, all kinds. */
    public long flags() {
        long n = 0;
        for (int i = 20; i < 25; i++) {
            n += v[i];
        }
        return n;
    }

    static FactSums zero() {
        return new FactSums(new long[FactStore.WEEK_COLUMNS.size()]);
    }

    void add(FactSums other) {
        for (int i = 0; i < v.length; i++) {
            v[i] += other.v[i];
        }
    }

    void add(Object[] row, int from) {
        for (int i = 0; i < v.length; i++) {
            v[i] += FactRows.number(row[from + i]);
        }
    }
}
