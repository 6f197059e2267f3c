package dev.blindfold.export;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
    public static double nominalAlpha(List<? extends Collection<String>> units) {
        return coincidences(units).nominalAlpha();
    }

    /** The coincidence matrix of the units' pairable values; categories in sorted order. */
    public static Coincidences coincidences(List<? extends Collection<String>> units) {
        List<Map<String, Integer>> pairable = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        for (Collection<String> unit : units) {
            Map<String, Integer> counts = new HashMap<>();
            for (String value : unit) {
                if (value != null) {
                    counts.merge(value, 1, Integer::sum);
                }
            }
            if (counts.values().stream().mapToInt(Integer::intValue).sum() >= 2) {
                pairable.add(counts);
                seen.addAll(counts.keySet());
            }
        }
        List<String> categories = List.copyOf(seen);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            index.put(categories.get(i), i);
        }
        double[][] o = new double[categories.size()][categories.size()];
        long[] marginals = new long[categories.size()];
        for (Map<String, Integer> counts : pairable) {
            int m = counts.values().stream().mapToInt(Integer::intValue).sum();
            for (Map.Entry<String, Integer> c : counts.entrySet()) {
                int ci = index.get(c.getKey());
                marginals[ci] += c.getValue();
                for (Map.Entry<String, Integer> k : counts.entrySet()) {
                    long pairs = (long) c.getValue() * (c.getKey().equals(k.getKey()) ? c.getValue() - 1 : k.getValue());
                    o[ci][index.get(k.getKey())] += pairs / (double) (m - 1);
                }
            }
        }
        return new Coincidences(categories, o, marginals);
    }

    /** o<sub>ck</sub> over the categories, with the marginals n<sub>c</sub> kept as exact counts. */
    public static final class Coincidences {

        private final List<String> categories;
        private final double[][] o;
        private final long[] marginals;

        private Coincidences(List<String> categories, double[][] o, long[] marginals) {
            this.categories = categories;
            this.o = o;
            this.marginals = marginals;
        }

        public List<String> categories() {
            return categories;
        }

        /** o<sub>ck</sub>; 0 for a category that never occurs in a pairable unit. */
        public double get(String c, String k) {
            int ci = categories.indexOf(c);
            int ki = categories.indexOf(k);
            return ci < 0 || ki < 0 ? 0 : o[ci][ki];
        }

        /** n<sub>c</sub>: how many pairable values are c. */
        public long marginal(String c) {
            int ci = categories.indexOf(c);
            return ci < 0 ? 0 : marginals[ci];
        }

        /** n: all pairable values. */
        public long total() {
            long n = 0;
            for (long nc : marginals) {
                n += nc;
            }
            return n;
        }

        /** Nominal alpha; NaN when undefined (fewer than 2 pairable values, or a single category). */
        public double nominalAlpha() {
            long n = total();
            double agreeing = 0;
            long chancePairs = 0;
            for (int c = 0; c < categories.size(); c++) {
                agreeing += o[c][c];
                chancePairs += marginals[c] * (marginals[c] - 1);
            }
            long denominator = n * (n - 1) - chancePairs;
            if (n < 2 || denominator == 0) {
                return Double.NaN;
            }
            return ((n - 1) * agreeing - chancePairs) / denominator;
        }
    }
}
