package dev.blindfold.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.junit.jupiter.api.Test;

/** Similarity measures on pairs whose values are known by hand. */
class SimilarityTest {

    @Test
    void editSimilarityIsOneMinusLevenshteinOverTheLongerLength() {
        assertEquals(1.0, Similarity.editSimilarity("same", "same"));
        assertEquals(1.0, Similarity.editSimilarity("  a  b ", "a b"), "whitespace is normalised first");
        // kitten → sitting: distance 3 (k→s, e→i, +g), longer length 7.
        assertEquals(1 - 3.0 / 7, Similarity.editSimilarity("kitten", "sitting"), 1e-12);
        assertEquals(0.0, Similarity.editSimilarity("abc", "xyz"));
        assertEquals(0.0, Similarity.editSimilarity("", "abc"));
    }

    @Test
    void tokenF1CountsSharedLowerCasedWords() {
        // "The cat sat" vs "the cat ran away": common {the, cat} = 2; P = 2/4, R = 2/3, F1 = 4/7.
        assertEquals(4.0 / 7, Similarity.tokenF1("The cat sat", "the cat ran away"), 1e-12);
        assertEquals(1.0, Similarity.tokenF1("Hello, world!", "hello world"));
        assertEquals(0.0, Similarity.tokenF1("alpha", "beta"));
        // multiset: "a a b" vs "a b b": common a×1 + b×1 = 2; P = R = 2/3.
        assertEquals(2.0 / 3, Similarity.tokenF1("a a b", "a b b"), 1e-12);
    }

    @Test
    void longTextsFallBackToWordLevelEditDistance() {
        String base = "word ".repeat(1200);
        String changed = base + "extra";
        // 1200 vs 1201 tokens, one insertion.
        assertEquals(1 - 1.0 / 1201, Similarity.editSimilarity(base, changed), 1e-12);
    }

    @Test
    void levenshteinAgreesWithCommonsTextOnRandomPairs() {
        Random random = new Random(7);
        String alphabet = "abcde fgh\u00e9\u4e00";
        for (int n = 0; n < 3_000; n++) {
            int longest = n % 3 == 0 ? 300 : 70;
            String a = randomText(random, alphabet, random.nextInt(longest));
            String b = random.nextBoolean() ? randomText(random, alphabet, random.nextInt(longest)) : mutate(random, a, alphabet);
            assertEquals(LevenshteinDistance.getDefaultInstance().apply(a, b), Similarity.levenshtein(a, b), a + " / " + b);
        }
        assertEquals(3, Similarity.levenshtein("kitten", "sitting"));
        assertEquals(0, Similarity.levenshtein("", ""));
        assertEquals(4, Similarity.levenshtein("", "four"));
    }

    @Test
    void editSimilarityAtLeastAnswersExactlyAsComparingTheFullSimilarity() {
        Random random = new Random(13);
        String alphabet = "abcde fgh\u00e9";
        double[] thresholds = {0.0, 0.5, 0.8, 0.9, 0.95, 1.0, 1.1};
        int near = 0;
        for (int n = 0; n < 3_000; n++) {
            String a = randomText(random, alphabet, random.nextInt(n % 3 == 0 ? 300 : 70));
            String b = random.nextBoolean() ? randomText(random, alphabet, random.nextInt(300)) : mutate(random, a, alphabet);
            double threshold = thresholds[n % thresholds.length];
            boolean expected = Similarity.editSimilarity(a, b) >= threshold;
            near += expected && threshold >= 0.9 ? 1 : 0;
            assertEquals(expected, Similarity.editSimilarityAtLeast(a, b, threshold), a + " / " + b + " at " + threshold);
        }
        assertTrue(near > 100, "mutated pairs reach the high thresholds: " + near);
        // kitten → sitting: 1 − 3/7 = 0.571…
        assertTrue(Similarity.editSimilarityAtLeast("kitten", "sitting", 1 - 3.0 / 7));
        assertFalse(Similarity.editSimilarityAtLeast("kitten", "sitting", 0.58));
        assertTrue(Similarity.editSimilarityAtLeast("", "", 1.0));
        assertFalse(Similarity.editSimilarityAtLeast("", "abc", 0.01));
    }

    @Test
    void levenshteinWithALimitIsExactUpToItAndAboveItBeyond() {
        Random random = new Random(17);
        String alphabet = "abcd \u4e00";
        for (int n = 0; n < 3_000; n++) {
            String a = randomText(random, alphabet, random.nextInt(200));
            String b = random.nextBoolean() ? randomText(random, alphabet, random.nextInt(200)) : mutate(random, a, alphabet);
            int distance = Similarity.levenshtein(a, b);
            int limit = random.nextInt(40);
            int limited = Similarity.levenshtein(a, b, limit);
            if (distance <= limit) {
                assertEquals(distance, limited, a + " / " + b);
            } else {
                assertTrue(limited > limit, a + " / " + b + ": " + limited + " for a distance of " + distance);
            }
        }
    }

    @Test
    void normaliseAndTokensMatchTheirRegexDefinitions() {
        java.util.regex.Pattern space = java.util.regex.Pattern.compile("\\s+");
        java.util.regex.Pattern word = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]+");
        Random random = new Random(11);
        String alphabet = "aZ9 \t\n\r\u000B\f\u00a0\u2003\u00e9\u0660\u2163\u00bd-.,\u4e00\ud835\udc00";
        for (int n = 0; n < 3_000; n++) {
            String text = randomText(random, alphabet, random.nextInt(30));
            assertEquals(space.matcher(text.strip()).replaceAll(" "), Similarity.normalise(text), text);
            assertEquals(word.matcher(text.toLowerCase(java.util.Locale.ROOT)).results().map(m -> m.group()).toList(),
                    Similarity.tokens(text), text);
        }
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String mutate(Random random, String text, String alphabet) {
        StringBuilder out = new StringBuilder(text);
        for (int k = random.nextInt(4); k > 0 && out.length() > 0; k--) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                default -> out.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return out.toString();
    }
}
