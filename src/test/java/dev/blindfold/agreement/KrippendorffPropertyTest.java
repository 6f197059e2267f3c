package dev.blindfold.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The streamed {@link Krippendorff.Tally} gives what the full coincidence matrix ({@link DenseKrippendorff}) gives, on
 * many random reliability data sets: few or many categories (categorical labels to all-distinct free text), 1 to 7
 * coders a unit, missing values, units with one value or none, unicode values.
 */
class KrippendorffPropertyTest {

    private static final double CLOSE = 1e-12;
    private static final int CASES = 1_000;

    @Test
    void streamedAlphaEqualsTheDenseMatrixOnRandomData() {
        SplittableRandom random = new SplittableRandom(12);
        int defined = 0;
        for (int run = 0; run < CASES; run++) {
            List<List<String>> units = units(random);
            DenseKrippendorff dense = new DenseKrippendorff(units);
            Krippendorff.Tally tally = new Krippendorff.Tally();
            units.forEach(tally::add);
            String seen = "case " + run + ": " + units;
            assertEquals(dense.total(), tally.total(), seen);
            double diagonal = 0;
            for (String c : dense.categories) {
                assertEquals(dense.marginal(c), tally.marginal(c), seen);
                diagonal += dense.get(c, c);
            }
            assertEquals(diagonal, tally.agreeing(), CLOSE * Math.max(1, diagonal), seen);
            double expected = dense.nominalAlpha();
            double actual = tally.nominalAlpha();
            if (Double.isNaN(expected)) {
                assertTrue(Double.isNaN(actual), seen);
            } else {
                assertEquals(expected, actual, CLOSE, seen);
                assertEquals(expected, Krippendorff.nominalAlpha(units), CLOSE, seen);
                defined++;
            }
        }
        assertTrue(defined > CASES / 2, "most cases have a defined alpha: " + defined);
    }

    /** Up to 60 units; values drawn from a vocabulary of 1 to 200 (free-text-like when large); about 15% missing. */
    private static List<List<String>> units(SplittableRandom random) {
        int vocabulary = random.nextBoolean() ? 1 + random.nextInt(6) : 1 + random.nextInt(200);
        int coders = 1 + random.nextInt(7);
        double missing = random.nextDouble() * 0.3;
        List<List<String>> units = new ArrayList<>();
        for (int u = random.nextInt(61); u > 0; u--) {
            List<String> unit = new ArrayList<>();
            for (int c = 0; c < coders; c++) {
                if (random.nextDouble() < missing) {
                    if (random.nextBoolean()) {
                        unit.add(null); // missing as a null; else simply left out
                    }
                } else {
                    unit.add(value(random.nextInt(vocabulary)));
                }
            }
            units.add(unit);
        }
        return units;
    }

    private static String value(int i) {
        return i % 3 == 0 ? "answer " + i : i % 3 == 1 ? "Antwort \u00e4\u00df " + i : "\u7b54\u3048 " + i + " \ud83d\ude00";
    }
}
