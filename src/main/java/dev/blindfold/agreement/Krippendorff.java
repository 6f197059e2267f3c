package dev.blindfold.agreement;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Krippendorff's alpha for NOMINAL data, any number of coders, missing values allowed. Plain Java.
 *
 * <p>Follows the coincidence-matrix computation of Krippendorff (2011), "Computing Krippendorff's
 * Alpha-Reliability" (Annenberg School for Communication, University of Pennsylvania), section C:
 * <ol>
 *   <li>Reliability data arrive as units, each the list of values the coders gave it; a missing value
 *       is simply absent (a {@code null} entry counts as missing too).</li>
 *   <li>A unit with fewer than 2 values is not pairable and is dropped.</li>
 *   <li>Each pairable unit u with m<sub>u</sub> values adds, for every ordered pair of its values
 *       from different coders, 1/(m<sub>u</sub>−1) to the coincidence o<sub>ck</sub>. So a unit
 *       adds n<sub>uc</sub>·n<sub>uk</sub>/(m<sub>u</sub>−1) off the diagonal and
 *       n<sub>uc</sub>·(n<sub>uc</sub>−1)/(m<sub>u</sub>−1) on it.</li>
 *   <li>n<sub>c</sub> = Σ<sub>k</sub> o<sub>ck</sub> (the number of pairable values c),
 *       n = Σ<sub>c</sub> n<sub>c</sub>, and for the nominal metric
 *       α = [(n−1)·Σ<sub>c</sub> o<sub>cc</sub> − Σ<sub>c</sub> n<sub>c</sub>(n<sub>c</sub>−1)]
 *       / [n(n−1) − Σ<sub>c</sub> n<sub>c</sub>(n<sub>c</sub>−1)],
 *       which equals 1 − D<sub>o</sub>/D<sub>e</sub>.</li>
 * </ol>
 *
 * <p>The nominal metric needs only the diagonal Σ<sub>c</sub> o<sub>cc</sub> and the marginals, so no
 * coincidence matrix is built: each unit adds its equal-value pairs Σ<sub>c</sub> n<sub>uc</sub>(n<sub>uc</sub>−1)
 * (exact integers, summed per unit size m<sub>u</sub> and divided by m<sub>u</sub>−1 once per size) and its values to
 * the marginals ({@link ValueCounts}). Time is linear in the values, memory is one unit's distinct values plus a
 * fixed-size entry per distinct value of the data: a C×C matrix over 100,000 distinct free-text answers would be
 * 80 GB. The units can be streamed ({@link Tally}); nothing holds them all.
 *
 * <p>Alpha is {@link Double#NaN} when it is undefined: no pairable unit (n &lt; 2), or every pairable
 * value is the same category (no variation, the expected disagreement is 0 and α = 0/0). Callers
 * that serialise it must map NaN to {@code null}.
 *
 * <p>Values are compared as exact strings (nominal: equal or not). For free text this is
 * exact-match agreement, which is rarely high; it is meaningful mostly for categorical labels.
 */
public final class Krippendorff {

    /** The name of the measure, as reported next to the numbers. */
    public static final String MEASURE = "krippendorff_nominal";

    private Krippendorff() {
    }

    /** Nominal alpha of the units; NaN when undefined (see the class comment). */
    public static double nominalAlpha(Iterable<? extends Collection<String>> units) {
        Tally tally = new Tally();
        units.forEach(tally::add);
        return tally.nominalAlpha();
    }

    /** Nominal alpha of units added one at a time, in any order. */
    public static final class Tally {

        private final ValueCounts marginals = new ValueCounts();
        /** Unit size m<sub>u</sub> → Σ over units of that size of their ordered pairs of equal values. */
        private final Map<Integer, Long> equalPairsBySize = new TreeMap<>();
        private long total;

        /** Adds one unit: the values its coders gave, {@code null} for a missing one. */
        public void add(Collection<String> unit) {
            Map<String, Integer> counts = new HashMap<>();
            int m = 0;
            for (String value : unit) {
                if (value != null) {
                    counts.merge(value, 1, Integer::sum);
                    m++;
                }
            }
            if (m < 2) {
                return;
            }
            long equal = 0;
            for (Map.Entry<String, Integer> c : counts.entrySet()) {
                marginals.add(c.getKey(), c.getValue());
                equal += (long) c.getValue() * (c.getValue() - 1);
            }
            equalPairsBySize.merge(m, equal, Long::sum);
            total += m;
        }

        /** Σ<sub>c</sub> o<sub>cc</sub>: the coincidences of equal values. */
        public double agreeing() {
            return agreeingOf(equalPairsBySize);
        }

        /** n<sub>c</sub>: how many pairable values are c. */
        public long marginal(String c) {
            return marginals.count(c);
        }

        /** n: all pairable values. */
        public long total() {
            return total;
        }

        /** Nominal alpha; NaN when undefined (fewer than 2 pairable values, or a single category). */
        public double nominalAlpha() {
            return Krippendorff.nominalAlpha(total, marginals.equalPairs(), equalPairsBySize);
        }
    }

    /**
     * Nominal alpha from the integers a {@link Tally} keeps (kept tallies hold the same): {@code total} pairable values,
     * {@code chancePairs} = Σ<sub>c</sub> n<sub>c</sub>(n<sub>c</sub>−1), and per unit size m<sub>u</sub> the sum of its
     * units' ordered pairs of equal values. NaN when undefined.
     */
    public static double nominalAlpha(long total, long chancePairs, Map<Integer, Long> equalPairsBySize) {
        long denominator = total * (total - 1) - chancePairs;
        if (total < 2 || denominator == 0) {
            return Double.NaN;
        }
        return ((total - 1) * agreeingOf(equalPairsBySize) - chancePairs) / denominator;
    }

    private static double agreeingOf(Map<Integer, Long> equalPairsBySize) {
        double agreeing = 0;
        for (Map.Entry<Integer, Long> size : new TreeMap<>(equalPairsBySize).entrySet()) {
            agreeing += size.getValue() / (double) (size.getKey() - 1);
        }
        return agreeing;
    }
}
