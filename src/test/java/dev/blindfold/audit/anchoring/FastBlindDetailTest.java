package dev.blindfold.audit.anchoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blindfold.exposure.ExposureClass;
import dev.blindfold.facts.LabelFact;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A fast_blind flag says its figures: the blind time, the time needed, and what the need is made of. */
class FastBlindDetailTest {

    private static LabelFact fact(long blindMs, Long needMs, Long readingMs, Long decisionMs) {
        return new LabelFact(1, 2, 3, 4, LocalDate.of(2026, 12, 7), Instant.parse("2026-12-07T10:00:00Z"),
                ExposureClass.BLIND_ONLY, false, false, null, null, 10, 0, false, 0, blindMs, LabelFact.FLAG_FAST_BLIND,
                null, 5, null, false, needMs, readingMs, decisionMs);
    }

    @Test
    void anItemThatTakesLongerToReadThanTheFloorSaysReadingAndTheProjectMinimum() {
        assertEquals("1.2 s blind, 6.0 s needed (4.0 s to read the item + 2.0 s project minimum)",
                FactFlags.fastBlind(fact(1_200, 6_000L, 4_000L, 2_000L)));
    }

    @Test
    void aShortItemIsHeldToTheConfiguredFloor() {
        assertEquals("1.2 s blind, 3.0 s needed (the configured floor)",
                FactFlags.fastBlind(fact(1_200, 3_000L, 400L, 1_000L)));
    }

    @Test
    void aLabelCommittedBeforeThePerItemRuleNamesTheFloor() {
        assertEquals("0.5 s blind, 3.0 s needed (the configured floor)", FactFlags.fastBlind(fact(500, 3_000L, null, null)));
    }
}
