package dev.blindfold.agreement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The reference for {@link Krippendorff}: the textbook computation with the whole C×C coincidence matrix
 * (Krippendorff 2011, section C), as Blindfold computed it before the matrix was dropped. Quadratic in the distinct
 * values, so for tests on small data only.
 */
final class DenseKrippendorff {

    final List<String> categories;
    final double[][] o;
    final long[] marginals;

    DenseKrippendorff(List<? extends Collection<String>> units) {
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
        categories = List.copyOf(seen);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            index.put(categories.get(i), i);
        }
        o = new double[categories.size()][categories.size()];
        marginals = new long[categories.size()];
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
    }

    /** o<sub>ck</sub>; 0 for a category that never occurs in a pairable unit. */
    double get(String c, String k) {
        int ci = categories.indexOf(c);
        int ki = categories.indexOf(k);
        return ci < 0 || ki < 0 ? 0 : o[ci][ki];
    }

    long marginal(String c) {
        int ci = categories.indexOf(c);
        return ci < 0 ? 0 : marginals[ci];
    }

    long total() {
        long n = 0;
        for (long nc : marginals) {
            n += nc;
        }
        return n;
    }

    double nominalAlpha() {
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
