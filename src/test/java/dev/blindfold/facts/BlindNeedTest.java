package dev.blindfold.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The time a label's blind step needs: its item's reading time plus the project minimum, never under the floor. */
class BlindNeedTest {

    @Test
    void readingPlusDecidingWhenLongerThanTheFloor() {
        assertEquals(6_000, new BlindNeed(4_000, 2_000).needMs(3_000));
    }

    @Test
    void theConfiguredFloorWhenTheItemNeedsLess() {
        assertEquals(3_000, new BlindNeed(400, 1_000).needMs(3_000));
        assertEquals(3_000, new BlindNeed(0, 0).needMs(3_000));
    }

    @Test
    void aLabelCommittedBeforeTheRuleIsHeldToTheFloorAlone() {
        assertEquals(3_000, BlindNeed.NONE.needMs(3_000));
        assertEquals(500, BlindNeed.NONE.needMs(500));
    }
}
