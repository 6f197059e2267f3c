package dev.blindfold.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which queue positions are gold slots: drawn from the annotator's seed and the position at the project's rate. */
class GoldSlotsTest {

    private static int slots(int seed, int positions, double rate) {
        int gold = 0;
        for (int p = 1; p <= positions; p++) {
            gold += GoldMix.goldSlot(seed, p, rate) ? 1 : 0;
        }
        return gold;
    }

    /** 200 positions at rate 0.1: 20 expected, binomial sd 4.24; within 4 sd either way for a fixed seed. */
    @Test
    void twoHundredPositionsAtATenthHoldAboutTwentyGoldSlots() {
        int gold = slots(424242, 200, 0.1);
        assertTrue(gold >= 3 && gold <= 37, "gold slots among 200 at rate 0.1: " + gold);
    }

    /** Over many annotators the share is the rate: 1,000 seeds x 200 positions, sd of the share about 0.0021. */
    @Test
    void overManyAnnotatorsTheShareIsTheRate() {
        long gold = 0;
        for (int seed = 1; seed <= 1000; seed++) {
            gold += slots(seed, 200, 0.1);
        }
        assertEquals(0.1, gold / 200_000.0, 0.01);
    }

    @Test
    void theDrawIsFixedByTheSeedAndPositionAndTheRateBoundsIt() {
        for (int p = 1; p <= 50; p++) {
            assertEquals(GoldMix.goldSlot(7, p, 0.3), GoldMix.goldSlot(7, p, 0.3));
            assertTrue(GoldMix.goldSlot(7, p, 1.0));
            assertTrue(!GoldMix.goldSlot(7, p, 0.0));
        }
        assertEquals(200, slots(99, 200, 1.0));
        assertEquals(0, slots(99, 200, 0.0));
    }

    /** The slot draw is its own stream: whether a position is gold says nothing about where its walk starts. */
    @Test
    void goldSlotsAreNotTheWalkStartsBelowTheRate() {
        int same = 0;
        for (int p = 1; p <= 1000; p++) {
            boolean slot = GoldMix.goldSlot(5, p, 0.1);
            boolean low = QueueWalk.start(5, p) < 0.1;
            same += slot && low ? 1 : 0;
        }
        assertTrue(same < 40, "slots and low walk starts overlap about 1% (10 of 1000), not 10%: " + same);
    }
}
