package dev.blindfold.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Majority gold, ties and partial items. */
class MajorityTest {

    /**
     * Units of Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C (4 observers,
     * 12 units, missing data), read as items labeled by up to four annotators (overlap 4).
     */
    private static final List<List<String>> PAPER_2011_UNITS = List.of(
            List.of("1", "1", "1"), List.of("2", "2", "3", "2"), List.of("3", "3", "3", "3"),
            List.of("3", "3", "3", "3"), List.of("2", "2", "2", "2"), List.of("1", "2", "3", "4"),
            List.of("4", "4", "4", "4"), List.of("1", "1", "2", "1"), List.of("2", "2", "2", "2"),
            List.of("5", "5", "5"), List.of("1", "1"), List.of("3"));

    private static Map<String, Integer> votes(Object... labelThenCount) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        for (int i = 0; i < labelThenCount.length; i += 2) {
            votes.put((String) labelThenCount[i], (Integer) labelThenCount[i + 1]);
        }
        return votes;
    }

    @Test
    void paperUnitsGiveTheirMajorityTiesAndPartialItems() {
        List<Majority> gold = PAPER_2011_UNITS.stream().map(u -> Majority.of(u, 4, false)).toList();

        assertEquals(new Majority("2", votes("2", 3, "3", 1), false, false, null), gold.get(1), "unit 2: 3 of 4");
        assertEquals(new Majority("1", votes("1", 3, "2", 1), false, false, null), gold.get(7), "unit 8: 3 of 4");
        assertEquals(new Majority(null, votes("1", 1, "2", 1, "3", 1, "4", 1), true, false, null), gold.get(5),
                "unit 6: four different values tie, no gold");
        assertEquals(new Majority("1", votes("1", 3), false, true, null), gold.get(0), "unit 1: 3 of 4 coders");
        assertEquals(new Majority("5", votes("5", 3), false, true, null), gold.get(9), "unit 10");
        assertEquals(new Majority("1", votes("1", 2), false, true, null), gold.get(10), "unit 11");
        assertEquals(new Majority("3", votes("3", 1), false, true, null), gold.get(11), "unit 12: a single value");
        assertEquals(List.of(0, 9, 10, 11), indicesWhere(gold, Majority::partial));
        assertEquals(List.of(5), indicesWhere(gold, Majority::tie));
    }

    @Test
    void aTieBetweenTheTopAnswersHasNoGoldEvenWhenOthersTrail() {
        Majority m = Majority.of(List.of("spam", "ham", "eggs", "ham", "spam"), 5, false);
        assertTrue(m.tie());
        assertNull(m.gold(), "a tie is left for adjudication, never broken alphabetically");
        assertEquals(List.of("ham", "spam", "eggs"), List.copyOf(m.votes().keySet()),
                "most votes first, equal counts in string order");
    }

    @Test
    void aClearWinnerIsGoldWithVotesMostFirst() {
        Majority m = Majority.of(List.of("ham", "spam", "spam"), 3, false);
        assertEquals("spam", m.gold());
        assertFalse(m.tie());
        assertFalse(m.partial());
        assertEquals(List.of(Map.entry("spam", 2), Map.entry("ham", 1)), List.copyOf(m.votes().entrySet()));
    }

    @Test
    void itemsBelowTheOverlapArePartialAndAnItemWithoutAnswersHasNoGold() {
        assertTrue(Majority.of(List.of("spam", "spam"), 3, false).partial());
        assertFalse(Majority.of(List.of("spam", "spam", "ham"), 3, false).partial());
        Majority none = Majority.of(List.of(), 2, true);
        assertEquals(new Majority(null, Map.of(), false, true, List.of()), none);
    }

    @Test
    void freeTextListsDistinctReferencesInTheOrderGivenAndCategoricalListsNone() {
        List<String> answers = Arrays.asList("Use the reset link.", "Ask support.", null, "Use the reset link.");
        Majority free = Majority.of(answers, 3, true);
        assertEquals(List.of("Use the reset link.", "Ask support."), free.references());
        assertEquals("Use the reset link.", free.gold(), "exact strings vote too");
        assertFalse(free.partial(), "three answers given; the null is ignored");
        assertNull(Majority.of(List.of("spam"), 1, false).references());
    }

    private static List<Integer> indicesWhere(List<Majority> gold, java.util.function.Predicate<Majority> test) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            if (test.test(gold.get(i))) {
                indices.add(i);
            }
        }
        return indices;
    }
}
