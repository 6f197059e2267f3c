package dev.blindfold.golditems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The 95% Wilson score interval against published figures (e.g. Newcombe 1998, Table I; any statistics package). */
class WilsonTest {

    @Test
    void eightOfTenIsFrom0Point490To0Point943() {
        Wilson w = Wilson.of(8, 10);
        assertEquals(0.8, w.share(), 1e-12);
        assertEquals(0.4902, w.low(), 1e-4);
        assertEquals(0.9433, w.high(), 1e-4);
    }

    @Test
    void halfOfAHundredIsSymmetricAroundAHalf() {
        Wilson w = Wilson.of(50, 100);
        assertEquals(0.4038, w.low(), 1e-4);
        assertEquals(0.5962, w.high(), 1e-4);
    }

    @Test
    void allRightOrAllWrongStaysInsideZeroToOne() {
        Wilson all = Wilson.of(10, 10);
        assertEquals(1.0, all.high(), 1e-12);
        assertEquals(0.7225, all.low(), 1e-4);
        Wilson none = Wilson.of(0, 10);
        assertEquals(0.0, none.low(), 1e-12);
        assertEquals(0.2775, none.high(), 1e-4);
    }

    @Test
    void noAnswersHaveNoShareAndNoInterval() {
        Wilson w = Wilson.of(0, 0);
        assertNull(w.share());
        assertNull(w.low());
        assertNull(w.high());
        assertEquals(0, w.n());
    }
}
