package dev.blindfold.agreement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The gold of one item by majority vote over its answers (blind or final). Plain Java.
 *
 * <ul>
 *   <li>{@code votes}: answer → count, most votes first, equal counts in string order.</li>
 *   <li>{@code tie}: two or more answers share the top count. Then {@code gold} is {@code null}:
 *       a tie is left for a person to adjudicate rather than settled by an arbitrary rule such as
 *       alphabetical order, which would bias gold toward some labels.</li>
 *   <li>{@code gold}: the single answer with the most votes; {@code null} on a tie or with no answers.</li>
 *   <li>{@code partial}: fewer answers than the project's overlap (the item is not fully labeled).</li>
 *   <li>{@code references}: for free text, the distinct answers in the order given (the gold of a
 *       free-text item is this set); {@code null} for categorical items. Votes, gold and tie are
 *       computed on exact strings for free text too, so two annotators accepting the same draft
 *       show up as two votes for it.</li>
 * </ul>
 */
public record Majority(String gold, Map<String, Integer> votes, boolean tie, boolean partial, List<String> references) {

    private static final Comparator<Map.Entry<String, Integer>> MOST_VOTES_FIRST =
            Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    /**
     * @param answers  the item's answers, one per annotator; {@code null}s are ignored
     * @param overlap  how many answers the project wants per item
     * @param freeText whether to list the distinct answers as references
     */
    public static Majority of(List<String> answers, int overlap, boolean freeText) {
        Map<String, Integer> counts = new HashMap<>();
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        int given = 0;
        for (String answer : answers) {
            if (answer != null) {
                counts.merge(answer, 1, Integer::sum);
                distinct.add(answer);
                given++;
            }
        }
        Map<String, Integer> votes = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(MOST_VOTES_FIRST).forEach(e -> votes.put(e.getKey(), e.getValue()));
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(votes.entrySet());
        boolean tie = ranked.size() > 1 && ranked.get(0).getValue().equals(ranked.get(1).getValue());
        String gold = ranked.isEmpty() || tie ? null : ranked.get(0).getKey();
        List<String> references = freeText ? List.copyOf(distinct) : null;
        return new Majority(gold, Collections.unmodifiableMap(votes), tie, given < overlap, references);
    }
}
