package dev.blindfold.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nominal alpha against published worked examples and small cases computed by hand; the published coincidence matrix
 * is checked on {@link DenseKrippendorff}, the reference {@link KrippendorffPropertyTest} holds the streamed tally to.
 */
class KrippendorffTest {

    private static final double EXACT = 1e-12;
    private static final String X = null; // a missing value

    /**
     * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C ("nominal data,
     * any number of observers, missing data"): observers A-D (rows) over units 1-12 (columns).
     */
    private static final String[][] PAPER_2011 = {
            {"1", "2", "3", "3", "2", "1", "4", "1", "2", X, X, X},
            {"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", X, "3"},
            {X, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", X},
            {"1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", X},
    };

    /**
     * The computational example of Wikipedia's "Krippendorff's alpha" article: coders A-C over
     * 15 units. (The same data is the sample of the `krippendorff` Python package, whose test
     * expects 0.691358 for nominal.)
     */
    private static final String[][] WIKIPEDIA = {
            {X, X, X, X, X, "3", "4", "1", "2", "1", "1", "3", "3", X, "3"},
            {"1", X, "2", "1", "3", "3", "4", "3", X, X, X, X, X, X, X},
            {X, X, "2", "1", "3", "4", "4", X, "2", "1", "1", "3", "3", X, "4"},
    };

    /** Coders-by-units (the usual table) → one list of values per unit, missing cells left out. */
    private static List<List<String>> units(String[][] codersByUnits) {
        List<List<String>> units = new ArrayList<>();
        for (int u = 0; u < codersByUnits[0].length; u++) {
            List<String> values = new ArrayList<>();
            for (String[] coder : codersByUnits) {
                if (coder[u] != null) {
                    values.add(coder[u]);
                }
            }
            units.add(values);
        }
        return units;
    }

    @Test
    void paperExampleOfFourCodersTwelveUnitsAndMissingDataIsPoint743() {
        double alpha = Krippendorff.nominalAlpha(units(PAPER_2011));
        // Published: alpha_nominal = 0.743. Exactly: (39*32 - 344) / (40*39 - 344) = 904/1216 = 113/152.
        assertEquals(0.743, Math.round(alpha * 1000) / 1000.0, 0.0);
        assertEquals(113.0 / 152.0, alpha, EXACT);
    }

    @Test
    void paperExampleHasThePublishedCoincidenceMatrix() {
        // Derived unit by unit (m_u = 3,4,4,4,4,4,4,4,4,3,2,1; unit 12 has one value and is dropped):
        // o_11 = 3 (u1) + 2 (u8) + 2 (u11) = 7; o_12 = 1 (u8) + 1/3 (u6); o_23 = 1 (u2) + 1/3 (u6); ...
        DenseKrippendorff c = new DenseKrippendorff(units(PAPER_2011));
        assertEquals(List.of("1", "2", "3", "4", "5"), c.categories);
        double[][] expected = {
                {7, 4.0 / 3, 1.0 / 3, 1.0 / 3, 0},
                {4.0 / 3, 10, 4.0 / 3, 1.0 / 3, 0},
                {1.0 / 3, 4.0 / 3, 8, 1.0 / 3, 0},
                {1.0 / 3, 1.0 / 3, 1.0 / 3, 4, 0},
                {0, 0, 0, 0, 3},
        };
        for (int i = 0; i < 5; i++) {
            for (int k = 0; k < 5; k++) {
                assertEquals(expected[i][k], c.get(String.valueOf(i + 1), String.valueOf(k + 1)), EXACT,
                        "o_" + (i + 1) + (k + 1));
            }
        }
        assertEquals(List.of(9L, 13L, 10L, 5L, 3L), c.categories.stream().map(c::marginal).toList());
        assertEquals(40, c.total());
    }

    @Test
    void paperExampleHasThePublishedDiagonalAndMarginalsWithoutAMatrix() {
        Krippendorff.Tally tally = new Krippendorff.Tally();
        units(PAPER_2011).forEach(tally::add);
        assertEquals(7 + 10 + 8 + 4 + 3, tally.agreeing(), EXACT);
        assertEquals(List.of(9L, 13L, 10L, 5L, 3L), List.of("1", "2", "3", "4", "5").stream().map(tally::marginal).toList());
        assertEquals(0, tally.marginal("6"));
        assertEquals(40, tally.total());
    }

    @Test
    void wikipediaExampleOfThreeCodersFifteenUnitsIsPoint691() {
        // By hand: pairable units 3-13 and 15 (n = 26); o_11 = 6, o_22 = 4, o_33 = 7, o_44 = 3,
        // o_13 = 1, o_34 = 2; n_1..n_4 = 7, 4, 10, 5. alpha = 1 - 25 * 6 / (26^2 - 190) = 56/81.
        double alpha = Krippendorff.nominalAlpha(units(WIKIPEDIA));
        assertEquals(56.0 / 81.0, alpha, EXACT);
        assertEquals(0.691358, Math.round(alpha * 1e6) / 1e6, 0.0);
    }

    @Test
    void twoCodersInPerfectAgreementGiveOne() {
        // units (a,a), (b,b), (a,a): o_aa = 4, o_bb = 2, no disagreement → alpha = 1.
        assertEquals(1.0, Krippendorff.nominalAlpha(List.of(List.of("a", "a"), List.of("b", "b"), List.of("a", "a"))),
                EXACT);
    }

    @Test
    void systematicDisagreementIsNegative() {
        // units (a,b), (b,a): o_ab = o_ba = 2, n_a = n_b = 2, n = 4.
        // alpha = [(n-1)*0 - (2*1 + 2*1)] / [4*3 - 4] = -4/8 = -0.5.
        assertEquals(-0.5, Krippendorff.nominalAlpha(List.of(List.of("a", "b"), List.of("b", "a"))), EXACT);
    }

    @Test
    void blindAndFinalAnswersOfTheAgreementApiScenarioGiveMinusOneFourteenthAndNineFourteenths() {
        // The labels AgreementApiTest produces through the API, checked here without Quarkus.
        // blind: o_ss = 1, o_sh = o_hs = 3, o_hh = 4; n_s = 4, n_h = 7, n = 11 → 1 - 10*6/56 = -1/14.
        List<List<String>> blind = List.of(List.of("spam", "ham", "ham"), List.of("ham", "ham", "ham"),
                List.of("spam", "ham"), List.of("ham", "spam", "spam"));
        // final: o_ss = 6, o_sh = o_hs = 1, o_hh = 3; n_s = 7, n_h = 4, n = 11 → 1 - 10*2/56 = 9/14.
        List<List<String>> fin = List.of(List.of("spam", "spam", "spam"), List.of("ham", "ham", "ham"),
                List.of("spam", "spam"), List.of("ham", "spam", "spam"));
        assertEquals(-1.0 / 14, Krippendorff.nominalAlpha(blind), EXACT);
        assertEquals(9.0 / 14, Krippendorff.nominalAlpha(fin), EXACT);
    }

    @Test
    void unitsWithFewerThanTwoValuesAreDroppedAndNullsAreMissing() {
        List<List<String>> base = List.of(List.of("a", "b"), List.of("b", "b"), List.of("a", "a"));
        List<List<String>> padded = new ArrayList<>(base);
        padded.add(List.of("a"));
        padded.add(List.of());
        padded.add(Arrays.asList("c", null));
        padded.add(Arrays.asList("b", null, "b"));
        // with the extra (b,b): o_aa = 2, o_bb = 4, o_ab = o_ba = 1; n_a = 3, n_b = 5, n = 8 → 1 - 7*2/30.
        assertEquals(1 - 14.0 / 30, Krippendorff.nominalAlpha(padded), EXACT);
        Krippendorff.Tally tally = new Krippendorff.Tally();
        padded.forEach(tally::add);
        assertEquals(0, tally.marginal("c"), "a lone value adds nothing");
        // base alone: o_aa = 2, o_bb = 2, o_ab = o_ba = 1; n = 6 → 1 - 5*2/18.
        assertEquals(1 - 10.0 / 18, Krippendorff.nominalAlpha(base), EXACT);
    }

    @Test
    void orderOfUnitsAndOfValuesWithinAUnitDoesNotMatter() {
        List<List<String>> units = units(PAPER_2011);
        List<List<String>> shuffled = new ArrayList<>();
        for (List<String> unit : units) {
            List<String> reversed = new ArrayList<>(unit);
            Collections.reverse(reversed);
            shuffled.add(0, reversed);
        }
        assertEquals(Krippendorff.nominalAlpha(units), Krippendorff.nominalAlpha(shuffled), EXACT);
    }

    @Test
    void alphaIsUndefinedWithoutPairableUnitsOrWithASingleCategory() {
        assertTrue(Double.isNaN(Krippendorff.nominalAlpha(List.of())), "no units");
        assertTrue(Double.isNaN(Krippendorff.nominalAlpha(List.of(List.of("a"), List.of("b")))), "no unit has two values");
        assertTrue(Double.isNaN(Krippendorff.nominalAlpha(List.of(List.of("a", "a"), List.of("a", "a", "a")))),
                "no variation: expected disagreement is 0");
    }
}
