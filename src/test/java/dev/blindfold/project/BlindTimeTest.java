package dev.blindfold.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The attention check's per-item rule: reading time at a generous speed, and a project minimum from the guidelines. */
class BlindTimeTest {

    @Test
    void readingTimeIsTheInputAtOneHundredFiftyCharactersASecond() {
        assertEquals(4_000, BlindTime.readingMs("x".repeat(600)));
        assertEquals(0, BlindTime.readingMs(""));
        assertEquals(0, BlindTime.readingMs(null));
        assertEquals(6, BlindTime.readingMs("é"), "one character, however many bytes or code units");
        assertEquals(6, BlindTime.readingMs("\uD83D\uDE00"), "an emoji is one character, not two code units");
    }

    @Test
    void theDerivedMinimumIsOneSecondPlusOneSecondPerThousandCharactersOfGuidelinesAtMostTen() {
        assertEquals(1_000, BlindTime.derivedDecisionMs(""));
        assertEquals(1_000, BlindTime.derivedDecisionMs(null));
        assertEquals(1_012, BlindTime.derivedDecisionMs("Answer well."));
        assertEquals(4_000, BlindTime.derivedDecisionMs("g".repeat(3_000)));
        assertEquals(10_000, BlindTime.derivedDecisionMs("g".repeat(9_000)));
        assertEquals(10_000, BlindTime.derivedDecisionMs("g".repeat(100_000)), "capped: long guidelines are read once");
    }

    @Test
    void aMinimumLabelOpsSetWinsOverTheDerivedOneEvenZero() {
        Project p = new Project();
        p.guidelines = "g".repeat(3_000);
        assertEquals(4_000, BlindTime.decisionMs(p));
        p.minBlindMs = 0;
        assertEquals(0, BlindTime.decisionMs(p));
        p.minBlindMs = 2_500;
        assertEquals(2_500, BlindTime.decisionMs(p));
    }
}
