package dev.blindfold.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Slot letters and the per-assignment shuffle. */
class DraftSlotsTest {

    @Test
    void slotsAreLettersAndRoundTrip() {
        assertEquals("A", DraftSlots.slot(0));
        assertEquals("B", DraftSlots.slot(1));
        assertEquals(1, DraftSlots.index("B"));
        assertEquals(-1, DraftSlots.index("b"));
        assertEquals(-1, DraftSlots.index("AA"));
        assertEquals(-1, DraftSlots.index(null));
        assertThrows(IllegalArgumentException.class, () -> DraftSlots.slot(26));
    }

    @Test
    void shuffledOrderIsAPermutationAndVariesBetweenAssignments() {
        List<Long> ids = List.of(10L, 20L);
        Set<List<Long>> seen = new HashSet<>();
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            List<Long> order = DraftSlots.parse(DraftSlots.shuffled(ids, random));
            assertEquals(Set.copyOf(ids), Set.copyOf(order));
            seen.add(order);
        }
        assertEquals(2, seen.size(), "both orders occur over 50 assignments");
        assertEquals(List.of(), DraftSlots.parse(null));
    }
}
