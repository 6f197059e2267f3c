package dev.blindfold.export;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Text similarity measures, each in [0, 1] with 1 for identical texts. Plain Java.
 * <ul>
 *   <li>{@code edit_similarity}: 1 − Levenshtein distance / length of the longer text, on characters
 *       after collapsing runs of whitespace (texts over {@link #MAX_CHARS} characters are compared on
 *       word tokens instead, so the cost stays bounded);</li>
 *   <li>{@code token_f1}: F1 of the multiset overlap of lower-cased word tokens (SQuAD-style).</li>
 * </ul>
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
        int distance = LevenshteinDistance.getDefaultInstance().apply(x, y);
        return 1.0 - (double) distance / Math.max(x.length(), y.length());
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
        return longest == 0 ? 1.0 : 1.0 - (double) LevenshteinDistance.getDefaultInstance().apply(cx, cy) / longest;
    }

    private static String encode(List<String> tokens, Map<String, Character> codes) {
        StringBuilder out = new StringBuilder(tokens.size());
        for (String t : tokens) {
            out.append(codes.computeIfAbsent(t, k -> (char) (FIRST_CODE + codes.size() % CODE_RANGE)));
        }
        return out.toString();
    }
}
