package dev.blindfold.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.project.TaskType;
import dev.blindfold.web.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which rule makes gold for which task type, and how Dawid–Skene fills a gold row. */
class GoldRowsTest {

    private static final List<String> ANIMALS = List.of("cat", "dog", "bird");

    /** Item ids 1..n with external ids "e1".."en". */
    private static Map<Long, String> items(int n) {
        Map<Long, String> items = new LinkedHashMap<>();
        for (long id = 1; id <= n; id++) {
            items.put(id, "e" + id);
        }
        return items;
    }

    /** Annotator ids 1, 2, 3 ... answer in the order given; a null skips that annotator. */
    private static Map<Long, String> answers(String... labels) {
        Map<Long, String> answers = new LinkedHashMap<>();
        for (int k = 0; k < labels.length; k++) {
            if (labels[k] != null) {
                answers.put(k + 1L, labels[k]);
            }
        }
        return answers;
    }

    /** GoldRows over the items (in their order) and their answers, walked once into a list. */
    private static List<GoldRow> rows(TaskType type, List<String> labels, int overlap, Map<Long, String> items,
                                      Map<Long, Map<Long, String>> answers, GoldRows.Method method) {
        GoldRows.Units units = sink -> items.forEach((id, externalId) ->
                sink.accept(new AnswerUnits.Unit(id, externalId, answers.getOrDefault(id, Map.of()))));
        List<GoldRow> rows = new ArrayList<>();
        GoldRows.of(type, labels, overlap, units, method).forEach(rows::add);
        return rows;
    }

    /**
     * Annotator 1 is always right; 2 and 3 call cats dogs and slip to bird on dogs (the pattern of
     * DawidSkeneTest's collusion case, smaller); item 6 has only annotator 1's answer, item 7 none.
     */
    private static Map<Long, Map<Long, String>> collusion() {
        return Map.of(1L, answers("cat", "dog", "dog"), 2L, answers("cat", "dog", "dog"),
                3L, answers("dog", "bird", "dog"), 4L, answers("dog", "dog", "bird"),
                5L, answers("bird", "bird", "bird"), 6L, answers("cat"));
    }

    @Test
    void everyTypeButCategoricalHasFreeTextAnswers() {
        for (TaskType type : TaskType.values()) {
            assertEquals(type != TaskType.CATEGORICAL, type.freeText(), type.name());
        }
    }

    @Test
    void methodIsMajorityByDefaultAndAnythingUnknownIsABadRequest() {
        assertEquals(GoldRows.Method.MAJORITY, GoldRows.Method.parse(null));
        assertEquals(GoldRows.Method.MAJORITY, GoldRows.Method.parse(""));
        assertEquals(GoldRows.Method.MAJORITY, GoldRows.Method.parse("majority"));
        assertEquals(GoldRows.Method.DAWID_SKENE, GoldRows.Method.parse("dawid-skene"));
        assertEquals(GoldRows.Method.DAWID_SKENE, GoldRows.Method.parse("Dawid-Skene"));
        for (String bad : List.of("dawid_skene", "mace", " majority")) {
            ProblemException e = assertThrows(ProblemException.class, () -> GoldRows.Method.parse(bad), bad);
            assertEquals(400, e.status());
            assertEquals("invalid-method", e.slug());
            assertTrue(e.getMessage().contains("dawid-skene"), e.getMessage());
        }
    }

    @Test
    void dawidSkeneRowsKeepRawVotesAndAddThePosteriorOfTheirGold() {
        List<GoldRow> rows = rows(TaskType.CATEGORICAL, ANIMALS, 3, items(7), collusion(),
                GoldRows.Method.DAWID_SKENE);

        GoldRow cat = rows.get(0);
        assertEquals("e1", cat.externalId());
        assertEquals("cat", cat.gold(), "annotator 1 outweighs the two who call cats dogs");
        assertTrue(cat.posterior() > 0.99, "posterior " + cat.posterior());
        assertEquals(Map.of("dog", 2, "cat", 1), cat.votes());
        assertEquals(List.of("dog", "cat"), List.copyOf(cat.votes().keySet()), "votes as majority orders them");
        assertFalse(cat.tie());
        assertFalse(cat.partial());
        assertNull(cat.references());
        assertEquals("dog", rows.get(2).gold());
        assertEquals("bird", rows.get(4).gold());

        GoldRow single = rows.get(5);
        assertEquals("cat", single.gold(), "one answer is enough");
        assertTrue(single.partial());
        assertTrue(single.posterior() > 0.9, "annotator 1 is trusted: " + single.posterior());

        GoldRow none = rows.get(6);
        assertEquals(new GoldRow("e7", null, null, Map.of(), false, true, null), none);

        List<GoldRow> majority = rows(TaskType.CATEGORICAL, ANIMALS, 3, items(7), collusion(),
                GoldRows.Method.MAJORITY);
        assertEquals("dog", majority.get(0).gold(), "majority follows the pair");
        assertTrue(majority.stream().allMatch(r -> r.posterior() == null), "no posterior for majority");
    }

    /** Two annotators, symmetric answers: the split item's posteriors are equal, so it is a tie with no gold. */
    @Test
    void aDawidSkeneTieHasNoGoldButKeepsItsPosterior() {
        Map<Long, Map<Long, String>> answers = Map.of(1L, answers("dog", "dog"), 2L, answers("cat", "cat"),
                3L, answers("dog", "cat"));
        GoldRow split = rows(TaskType.CATEGORICAL, ANIMALS, 2, items(3), answers,
                GoldRows.Method.DAWID_SKENE).get(2);
        assertTrue(split.tie());
        assertNull(split.gold(), "a tie is left for adjudication, as with majority");
        assertEquals(0.4985, split.posterior(), 1e-4, "cat and dog each; the unused bird keeps the rest");
        assertEquals(Map.of("dog", 1, "cat", 1), split.votes());
    }

    /** A final answer that accepted a draft whose text is no label still counts, as a label after the set. */
    @Test
    void answersOutsideTheLabelSetJoinTheEstimate() {
        Map<Long, Map<Long, String>> answers = Map.of(1L, answers("cat", "a cat, probably", "a cat, probably"));
        GoldRow row = rows(TaskType.CATEGORICAL, ANIMALS, 3, items(1), answers,
                GoldRows.Method.DAWID_SKENE).get(0);
        assertEquals("a cat, probably", row.gold());
    }

    @Test
    void freeTextTypesGetReferencesAndRefuseDawidSkene() {
        Map<Long, Map<Long, String>> answers = Map.of(1L, answers("Reset it.", "Ask support.", "Reset it."));
        for (TaskType type : List.of(TaskType.FREE_TEXT, TaskType.DRAFT_RATING, TaskType.PAIRWISE)) {
            GoldRow row = rows(type, List.of(), 3, items(1), answers, GoldRows.Method.MAJORITY).get(0);
            assertEquals(new GoldRow("e1", "Reset it.", null, Map.of("Reset it.", 2, "Ask support.", 1), false, false,
                    List.of("Reset it.", "Ask support.")), row, type.name());

            ProblemException e = assertThrows(ProblemException.class, () -> rows(type, List.of(), 3, items(1),
                    answers, GoldRows.Method.DAWID_SKENE), type.name());
            assertEquals(400, e.status());
            assertEquals("invalid-method", e.slug());
            assertTrue(e.getMessage().contains("CATEGORICAL") && e.getMessage().contains(type.name()), e.getMessage());
        }
        assertNull(rows(TaskType.CATEGORICAL, ANIMALS, 3, items(1), Map.of(1L, answers("cat")),
                GoldRows.Method.MAJORITY).get(0).references());
    }

    @Test
    void dawidSkeneOnMoreClassesThanItFitsIsABadRequestBeforeAnyRow() {
        Map<Long, Map<Long, String>> answers = new LinkedHashMap<>();
        for (long id = 1; id <= GoldRows.MAX_CLASSES; id++) {
            answers.put(id, answers("cat", "accepted draft " + id));
        }
        ProblemException e = assertThrows(ProblemException.class, () -> rows(TaskType.CATEGORICAL, ANIMALS, 2,
                items(GoldRows.MAX_CLASSES), answers, GoldRows.Method.DAWID_SKENE));
        assertEquals(400, e.status());
        assertEquals("too-many-classes", e.slug());
        for (long id = GoldRows.MAX_CLASSES - 2; id <= GoldRows.MAX_CLASSES; id++) {
            answers.remove(id);
        }
        assertEquals(GoldRows.MAX_CLASSES, rows(TaskType.CATEGORICAL, ANIMALS, 2, items(GoldRows.MAX_CLASSES), answers,
                GoldRows.Method.DAWID_SKENE).size(), "3 labels and 29 other answers: 32 classes fit");
    }
}
