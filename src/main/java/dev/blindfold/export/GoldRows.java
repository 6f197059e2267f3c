package dev.blindfold.export;

import dev.blindfold.project.TaskType;
import dev.blindfold.web.ProblemException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The gold rows of one project from its answers, by {@link Majority} or by {@link DawidSkene}.
 * Plain Java; {@link AgreementService} reads the answers.
 */
final class GoldRows {

    /** How gold is chosen: {@code method=majority} (the default) or {@code method=dawid-skene}. */
    enum Method {
        MAJORITY("majority"), DAWID_SKENE("dawid-skene");

        private final String wireName;

        Method(String wireName) {
            this.wireName = wireName;
        }

        /** The wire name in any case, or majority when absent; anything else is a 400. */
        static Method parse(String value) {
            if (value == null || value.isEmpty()) {
                return MAJORITY;
            }
            for (Method method : values()) {
                if (method.wireName.equalsIgnoreCase(value)) {
                    return method;
                }
            }
            throw ProblemException.badRequest("invalid-method", "method must be 'majority' or 'dawid-skene'.");
        }
    }

    private GoldRows() {
    }

    /**
     * Whether a type's answers are free text. Only CATEGORICAL answers come from a fixed label set;
     * every other type (FREE_TEXT, DRAFT_RATING, PAIRWISE, see {@link TaskType}) starts with a
     * free-text blind answer, and ratings or preferences are not answers.
     */
    static boolean freeText(TaskType type) {
        return type != TaskType.CATEGORICAL;
    }

    /**
     * @param labels  the project's label set (CATEGORICAL), in order; it breaks Dawid–Skene ties
     * @param items   item id → external id, in the order rows are wanted
     * @param answers item id → (annotator id → answer); items without answers may be absent
     */
    static List<GoldRow> of(TaskType type, List<String> labels, int overlap, Map<Long, String> items,
                            Map<Long, ? extends Map<Long, String>> answers, Method method) {
        if (method == Method.DAWID_SKENE) {
            if (freeText(type)) {
                throw ProblemException.badRequest("invalid-method", "method=dawid-skene needs a CATEGORICAL project;"
                        + " the answers of this " + type + " project are free text. Use method=majority.");
            }
            return dawidSkene(labels, overlap, items, answers);
        }
        List<GoldRow> rows = new ArrayList<>();
        items.forEach((id, externalId) -> {
            Majority m = Majority.of(answersOf(answers, id), overlap, freeText(type));
            rows.add(new GoldRow(externalId, m.gold(), null, m.votes(), m.tie(), m.partial(), m.references()));
        });
        return rows;
    }

    /** Items without answers stay out of the estimate (they carry no evidence) and get no gold. */
    private static List<GoldRow> dawidSkene(List<String> labels, int overlap, Map<Long, String> items,
                                            Map<Long, ? extends Map<Long, String>> answers) {
        List<Long> answered = items.keySet().stream().filter(id -> !answersOf(answers, id).isEmpty()).toList();
        DawidSkene.Result<Long> fit = DawidSkene.fit(labelSet(labels, answers.values()),
                answered.stream().map(answers::get).toList());
        Iterator<DawidSkene.Estimate> estimates = fit.items().iterator();
        List<GoldRow> rows = new ArrayList<>();
        items.forEach((id, externalId) -> {
            List<String> given = answersOf(answers, id);
            Majority m = Majority.of(given, overlap, false);
            if (given.isEmpty()) {
                rows.add(new GoldRow(externalId, null, null, m.votes(), false, m.partial(), null));
            } else {
                DawidSkene.Estimate e = estimates.next();
                rows.add(new GoldRow(externalId, e.tie() ? null : e.label(), e.probability(), m.votes(), e.tie(),
                        m.partial(), null));
            }
        });
        return rows;
    }

    /**
     * The project's labels, then any other answer in string order: a final answer that accepted a
     * draft whose text is not a label is still an answer, and dropping it would hide disagreement.
     */
    private static List<String> labelSet(List<String> labels, Collection<? extends Map<Long, String>> answers) {
        List<String> set = new ArrayList<>(labels);
        TreeSet<String> others = new TreeSet<>();
        answers.forEach(a -> a.values().stream().filter(v -> !labels.contains(v)).forEach(others::add));
        set.addAll(others);
        return set;
    }

    private static List<String> answersOf(Map<Long, ? extends Map<Long, String>> answers, long itemId) {
        Map<Long, String> item = answers.get(itemId);
        return item == null ? List.of() : List.copyOf(item.values());
    }
}
