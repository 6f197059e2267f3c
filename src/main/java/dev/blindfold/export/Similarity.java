package dev.blindfold.export;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Text similarity measures, each in [0, 1] with 1 for identical texts. Plain Java.
 * <ul>
 *   <li>{@code edit_similarity}: 1 − Levenshtein distance / length of the longer text, on characters
 *       after collapsing runs of whitespace (texts over {@link #MAX_CHARS} characters are compared on
 *       word tokens instead, so the cost stays bounded);</li>
 *   <li>{@code token_f1}: F1 of the multiset overlap of lower-cased word tokens (SQuAD-style).</li>
 * </ul>
 * The Levenshtein distance is computed here on char arrays with two rows of ints: Apache Commons Text's
 * implementation (1.13 on) reads every character through a boxing {@code SimilarityInput}, which made it the
 * largest cost of a large export. SimilarityTest checks this one against Commons Text on random pairs.
 */
public final class Similarity {

    public static final String EDIT = "edit_similarity";
    public static final String TOKEN_F1 = "token_f1";
    static final int MAX_CHARS = 5_000;
    /** Token codes start in the CJK block; beyond CODE_RANGE distinct tokens, codes repeat (a slight overestimate of similarity). */
    private static final char FIRST_CODE = '\u4E00';
    private static final int CODE_RANGE = 20_000;

    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private Similarity() {
    }

    /** Whitespace-normalised text: trimmed, runs of whitespace collapsed to one space. */
    public static String normalise(String text) {
        return text == null ? "" : SPACE.matcher(text.strip()).replaceAll(" ");
    }

    public static double editSimilarity(String a, String b) {
        String x = normalise(a);
        String y = normalise(b);
        if (x.equals(y)) {
            return 1.0;
        }
        if (Math.max(x.length(), y.length()) > MAX_CHARS) {
            return tokenEditSimilarity(tokens(x), tokens(y));
        }
        return 1.0 - (double) levenshtein(x, y) / Math.max(x.length(), y.length());
    }

    public static double tokenF1(String a, String b) {
        List<String> x = tokens(a);
        List<String> y = tokens(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 1.0;
        }
        Map<String, Integer> counts = new HashMap<>();
        x.forEach(t -> counts.merge(t, 1, Integer::sum));
        int common = 0;
        for (String t : y) {
            Integer left = counts.get(t);
            if (left != null && left > 0) {
                counts.put(t, left - 1);
                common++;
            }
        }
        if (common == 0) {
            return 0.0;
        }
        double precision = (double) common / y.size();
        double recall = (double) common / x.size();
        return 2 * precision * recall / (precision + recall);
    }

    static List<String> tokens(String text) {
        return WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT)).results().map(m -> m.group()).toList();
    }

    /** Levenshtein over word tokens: each distinct token becomes one character, so the library can count. */
    private static double tokenEditSimilarity(List<String> x, List<String> y) {
        Map<String, Character> codes = new HashMap<>();
        String cx = encode(x, codes);
        String cy = encode(y, codes);
        int longest = Math.max(cx.length(), cy.length());
        return longest == 0 ? 1.0 : 1.0 - (double) levenshtein(cx, cy) / longest;
    }

    /** The number of single-character insertions, deletions and substitutions turning {@code a} into {@code b}. */
    static int levenshtein(String a, String b) {
        char[] x = a.toCharArray();
        char[] y = b.toCharArray();
        if (x.length < y.length) {
            char[] t = x;
            x = y;
            y = t;
        }
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            char xi = x[i - 1];
            for (int j = 1; j <= y.length; j++) {
                int substitute = previous[j - 1] + (xi == y[j - 1] ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[y.length];
    }

    private static String encode(List<String> tokens, Map<String, Character> codes) {
        StringBuilder out = new StringBuilder(tokens.size());
        for (String t : tokens) {
            out.append(codes.computeIfAbsent(t, k -> (char) (FIRST_CODE + codes.size() % CODE_RANGE)));
        }
        return out.toString();
    }
}
