package dev.blindfold.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.blindfold.agreement.AgreementService;
import dev.blindfold.agreement.Gold;
import dev.blindfold.agreement.Majority;

/**
 * Export rows with one item each, built from that item's kept label rows ({@link JsonlRows} shape). Gold
 * comes from Blindfold's own labels only: blind answers by default (not those of seen_before_commit labels), or final
 * answers of finished labels; imported labels (exposure unknown) never vote. Plain Java.
 */
final class ItemRows {

    /** The keys of every gold row, in order. */
    static final List<String> GOLD_KEYS = List.of("project_id", "export_id", "item_external_id", "item_input", "source",
            "gold", "votes", "tie", "partial", "references", "labels", "exposure_counts");

    private static final String SEEN = dev.blindfold.exposure.ExposureClass.SEEN_BEFORE_COMMIT.wireName();

    private ItemRows() {
    }

    /** The answers of one kind among an item's rows, in row order. */
    static List<String> answers(List<Map<String, Object>> rows, AgreementService.Source source) {
        List<String> answers = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (!JsonlRows.BLINDFOLD.equals(row.get("source"))) {
                continue;
            }
            String answer = answer(row, source);
            if (answer != null) {
                answers.add(answer);
            }
        }
        return answers;
    }

    /**
     * A Blindfold label row's answer of one kind: its blind answer, or the final answer once one was saved. A
     * {@code seen_before_commit} label has no blind answer in this sense: it was written after drafts of the same
     * content had been shown. An {@code awaiting_final} label's blind answer counts; it has no final answer yet.
     */
    static String answer(Map<String, Object> row, AgreementService.Source source) {
        if (source == AgreementService.Source.BLIND) {
            return SEEN.equals(row.get("exposure")) ? null : (String) row.get("blind_answer");
        }
        return row.get("final_decision") == null ? null : (String) row.get("final_answer");
    }

    /** One item's gold over the kept labels, or null when none of them gives an answer of that kind. */
    static Map<String, Object> gold(String exportId, long projectId, List<Map<String, Object>> rows,
                                    AgreementService.Source source, int overlap, boolean freeText) {
        List<String> answers = answers(rows, source);
        if (answers.isEmpty()) {
            return null;
        }
        Majority m = Majority.of(answers, overlap, freeText);
        Map<String, Object> first = rows.get(0);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("project_id", projectId);
        row.put("export_id", exportId);
        row.put("item_external_id", first.get("item_external_id"));
        row.put("item_input", first.get("item_input"));
        row.put("source", source.name().toLowerCase(java.util.Locale.ROOT));
        row.put("gold", m.gold());
        List<Map<String, Object>> votes = new ArrayList<>();
        m.votes().forEach((answer, count) -> votes.add(Map.of("answer", answer, "count", count)));
        row.put("votes", votes);
        row.put("tie", m.tie());
        row.put("partial", m.partial());
        row.put("references", m.references());
        row.put("labels", answers.size());
        Map<String, Integer> classes = new TreeMap<>();
        rows.stream().filter(r -> JsonlRows.BLINDFOLD.equals(r.get("source")))
                .forEach(r -> classes.merge((String) r.get("exposure"), 1, Integer::sum));
        List<Map<String, Object>> counts = new ArrayList<>();
        classes.forEach((exposure, count) -> counts.add(Map.of("exposure", exposure, "count", count)));
        row.put("exposure_counts", counts);
        return row;
    }

    /**
     * OpenAI Evals' sample shape {@code {"input": [chat messages], "ideal": [...]}}: the ideal answers are
     * the item's blind references (free text), or its blind majority label (categorical; an item whose
     * vote is tied is left out). Null when the item gives no sample.
     */
    static Map<String, Object> openAiEval(List<Map<String, Object>> rows, boolean freeText) {
        List<String> blind = answers(rows, AgreementService.Source.BLIND);
        if (blind.isEmpty()) {
            return null;
        }
        Majority m = Majority.of(blind, 1, freeText);
        List<String> ideal = freeText ? m.references() : m.gold() == null ? List.of() : List.of(m.gold());
        if (ideal.isEmpty()) {
            return null;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("input", List.of(Map.of("role", "user", "content", rows.get(0).get("item_input"))));
        row.put("ideal", ideal);
        return row;
    }
}
