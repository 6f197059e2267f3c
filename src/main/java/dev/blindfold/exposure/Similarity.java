package dev.blindfold.exposure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text similarity measures, each in [0, 1] with 1 for identical texts. Plain Java.
 * <ul>
 *   <li>{@code edit_similarity}: 1 − Levenshtein distance / length of the longer text, on characters
 *       after collapsing runs of whitespace (texts over {@link #MAX_CHARS} characters are compared on
 *       word tokens instead, so the cost stays bounded);</li>
 *   <li>{@code token_f1}: F1 of the multiset overlap of lower-cased word tokens (SQuAD-style).</li>
 * </ul>
 * The Levenshtein distance is computed here with Myers' bit-vector algorithm: the classic quadratic table
 * (Apache Commons Text's, which also boxes every character) was most of the time of a large export.
 * SimilarityTest checks this one against Commons Text on random pairs.
 */
public final class Similarity {

    public static final String EDIT = "edit_similarity";
    public static final String TOKEN_F1 = "token_f1";
    static final int MAX_CHARS = 5_000;
    /** Token codes start in the CJK block; beyond CODE_RANGE distinct tokens, codes repeat (a slight overestimate of similarity). */
    private static final char FIRST_CODE = '\u4E00';
    private static final int CODE_RANGE = 20_000;

    private Similarity() {
    }

    /**
     * A text prepared once for several comparisons (a label compares its blind and final answers with every
     * shown draft): normalised for edit similarity and split into tokens for token F1.
     */
    public record Prepared(String normalised, List<String> tokens) {
        public static Prepared of(String text) {
            return new Prepared(normalise(text), Similarity.tokens(text));
        }
    }

    /** Whitespace-normalised text: trimmed, runs of whitespace (regex {@code \\s}) collapsed to one space. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        StringBuilder out = null;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            boolean space = isSpace(c);
            if (space && (c != ' ' || (i + 1 < stripped.length() && isSpace(stripped.charAt(i + 1))))) {
                if (out == null) {
                    out = new StringBuilder(stripped.length()).append(stripped, 0, i);
                }
                out.append(' ');
                while (i + 1 < stripped.length() && isSpace(stripped.charAt(i + 1))) {
                    i++;
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? stripped : out.toString();
    }

    /** Regex {@code \\s}: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    public static double editSimilarity(String a, String b) {
        return editSimilarity(normalise(a), normalise(b), null, null);
    }

    public static double editSimilarity(Prepared a, Prepared b) {
        return editSimilarity(a.normalised(), b.normalised(), a.tokens(), b.tokens());
    }

    /**
     * {@code editSimilarity(a, b) >= threshold}, exactly, without always finishing the distance: the Levenshtein pass
     * stops once the distance must exceed the largest one that still reaches the threshold. For checking a class
     * ("near-identical to a draft"), where most drafts are far from the answer.
     */
    public static boolean editSimilarityAtLeast(String a, String b, double threshold) {
        String x = normalise(a);
        String y = normalise(b);
        int longest = Math.max(x.length(), y.length());
        if (x.equals(y) || longest > MAX_CHARS) {
            return editSimilarity(x, y, null, null) >= threshold;
        }
        int within = (int) Math.max(-1, Math.min(longest, Math.floor((1 - threshold) * longest)));
        while (within < longest && 1.0 - (double) (within + 1) / longest >= threshold) {
            within++;
        }
        while (within >= 0 && 1.0 - (double) within / longest < threshold) {
            within--;
        }
        return within >= 0 && Math.abs(x.length() - y.length()) <= within && levenshtein(x, y, within) <= within;
    }

    public static double tokenF1(String a, String b) {
        return tokenF1(tokens(a), tokens(b));
    }

    public static double tokenF1(Prepared a, Prepared b) {
        return tokenF1(a.tokens(), b.tokens());
    }

    private static double editSimilarity(String x, String y, List<String> xTokens, List<String> yTokens) {
        if (x.equals(y)) {
            return 1.0;
        }
        if (Math.max(x.length(), y.length()) > MAX_CHARS) {
            return tokenEditSimilarity(xTokens == null ? tokens(x) : xTokens, yTokens == null ? tokens(y) : yTokens);
        }
        return 1.0 - (double) levenshtein(x, y) / Math.max(x.length(), y.length());
    }

    private static double tokenF1(List<String> x, List<String> y) {
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

    /** Lower-cased runs of letters and numbers (regex {@code [\\p{L}\\p{N}]+}). */
    static List<String> tokens(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            if (isWordChar(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                tokens.add(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            tokens.add(lower.substring(start));
        }
        return tokens;
    }

    private static boolean isWordChar(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** Levenshtein over word tokens: each distinct token becomes one character, so the library can count. */
    private static double tokenEditSimilarity(List<String> x, List<String> y) {
        Map<String, Character> codes = new HashMap<>();
        String cx = encode(x, codes);
        String cy = encode(y, codes);
        int longest = Math.max(cx.length(), cy.length());
        return longest == 0 ? 1.0 : 1.0 - (double) levenshtein(cx, cy) / longest;
    }

    /**
     * The number of single-character insertions, deletions and substitutions turning {@code a} into {@code b}:
     * Myers' bit-vector algorithm in Hyyrö's formulation, 64 rows of the dynamic-programming table per machine
     * word (G. Myers, "A fast bit-vector algorithm for approximate string matching based on dynamic
     * programming", J. ACM 46(3), 1999, with the block-based {@code advance_block}). The shorter text is the
     * pattern; each character of the longer one advances every block, carrying the horizontal delta down.
     */
    static int levenshtein(String a, String b) {
        return levenshtein(a, b, Integer.MAX_VALUE);
    }

    /**
     * The distance when it is at most {@code limit}, else some number above {@code limit}: after each character of the
     * text the distance so far can fall by at most one per character left, so once it exceeds the limit by more than
     * that, the pass stops.
     */
    static int levenshtein(String a, String b, int limit) {
        String pattern = a.length() <= b.length() ? a : b;
        String text = pattern == a ? b : a;
        int m = pattern.length();
        if (m == 0) {
            return text.length();
        }
        int blocks = (m + 63) >>> 6;
        // Match masks per character: an array for ASCII (most text; a boxed-key map lookup per character of the
        // text was most of the time of an audit bundle's verification), a map for the rest.
        long[][] ascii = new long[128][];
        Map<Character, long[]> peq = new HashMap<>();
        for (int i = 0; i < m; i++) {
            char c = pattern.charAt(i);
            long[] mask = c < 128 ? (ascii[c] == null ? ascii[c] = new long[blocks] : ascii[c])
                    : peq.computeIfAbsent(c, k -> new long[blocks]);
            mask[i >>> 6] |= 1L << (i & 63);
        }
        long[] pv = new long[blocks];
        long[] mv = new long[blocks];
        java.util.Arrays.fill(pv, -1L);
        long[] none = new long[blocks];
        long lastHigh = 1L << ((m - 1) & 63);
        int score = m;
        for (int j = 0; j < text.length(); j++) {
            char tc = text.charAt(j);
            long[] eqs = tc < 128 ? (ascii[tc] == null ? none : ascii[tc]) : peq.getOrDefault(tc, none);
            int hin = 1;
            for (int k = 0; k < blocks; k++) {
                long high = k == blocks - 1 ? lastHigh : Long.MIN_VALUE;
                long p = pv[k];
                long n = mv[k];
                long eq = eqs[k];
                long xv = eq | n;
                if (hin < 0) {
                    eq |= 1L;
                }
                long xh = (((eq & p) + p) ^ p) | eq;
                long ph = n | ~(xh | p);
                long mh = p & xh;
                int hout = (ph & high) != 0 ? 1 : (mh & high) != 0 ? -1 : 0;
                ph <<= 1;
                mh <<= 1;
                if (hin < 0) {
                    mh |= 1L;
                } else if (hin > 0) {
                    ph |= 1L;
                }
                pv[k] = mh | ~(xv | ph);
                mv[k] = ph & xv;
                hin = hout;
            }
            score += hin;
            if (score - (text.length() - 1 - j) > limit) {
                return score - (text.length() - 1 - j);
            }
        }
        return score;
    }

    private static String encode(List<String> tokens, Map<String, Character> codes) {
        StringBuilder out = new StringBuilder(tokens.size());
        for (String t : tokens) {
            out.append(codes.computeIfAbsent(t, k -> (char) (FIRST_CODE + codes.size() % CODE_RANGE)));
        }
        return out.toString();
    }
}
