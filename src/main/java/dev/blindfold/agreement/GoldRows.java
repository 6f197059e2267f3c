package dev.blindfold.agreement;

import dev.blindfold.project.TaskType;
import dev.blindfold.web.ProblemException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The gold rows of one project from its answers, by {@link Majority} or by {@link DawidSkene}, item by item as the
 * answers stream in. Plain Java; {@link AgreementService} reads the answers ({@link AnswerUnits}).
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

    /**
     * The most classes Dawid–Skene is fitted for. Its memory is annotators × classes² confusion entries plus items ×
     * classes posteriors (at 32 classes and 500,000 items, 128 MB), and each round costs answers × classes.
     */
    static final int MAX_CLASSES = 32;

    private GoldRows() {
    }

    /** A project's items with their answers, read afresh each time they are walked (a Dawid–Skene fit walks twice). */
    @FunctionalInterface
    interface Units {
        void forEach(Consumer<AnswerUnits.Unit> sink);
    }

    /**
     * The gold rows of {@code units}, to be read when walked. Dawid–Skene is checked and fitted here, before any row
     * is asked for, so whatever makes it impossible is a problem the caller sees before answering.
     *
     * @param labels the project's label set (CATEGORICAL), in order; it breaks Dawid–Skene ties
     */
    static Gold of(TaskType type, List<String> labels, int overlap, Units units, Method method) {
        if (method == Method.DAWID_SKENE) {
            if (type.freeText()) {
                throw ProblemException.badRequest("invalid-method", "method=dawid-skene needs a CATEGORICAL project;"
                        + " the answers of this " + type + " project are free text. Use method=majority.");
            }
            return dawidSkene(labels, overlap, units);
        }
        return sink -> units.forEach(unit -> {
            Majority m = Majority.of(List.copyOf(unit.answers().values()), overlap, type.freeText());
            sink.accept(new GoldRow(unit.externalId(), m.gold(), null, m.votes(), m.tie(), m.partial(), m.references()));
        });
    }

    /** Items without answers stay out of the estimate (they carry no evidence) and get no gold. */
    private static Gold dawidSkene(List<String> labels, int overlap, Units units) {
        DawidSkene.Answers<Long> answers = new DawidSkene.Answers<>(labelSet(labels, units));
        units.forEach(unit -> {
            if (!unit.answers().isEmpty()) {
                answers.add(unit.answers());
            }
        });
        DawidSkene.Result<Long> fit = answers.fit(DawidSkene.MAX_ITERATIONS);
        return sink -> {
            Iterator<DawidSkene.Estimate> estimates = fit.items().iterator();
            units.forEach(unit -> {
                List<String> given = List.copyOf(unit.answers().values());
                Majority m = Majority.of(given, overlap, false);
                if (given.isEmpty()) {
                    sink.accept(new GoldRow(unit.externalId(), null, null, m.votes(), false, m.partial(), null));
                } else {
                    DawidSkene.Estimate e = estimates.next();
                    sink.accept(new GoldRow(unit.externalId(), e.tie() ? null : e.label(), e.probability(), m.votes(),
                            e.tie(), m.partial(), null));
                }
            });
        };
    }

    /**
     * The project's labels, then any other answer in string order: a final answer that accepted a draft whose text is
     * not a label is still an answer, and dropping it would hide disagreement. More than {@link #MAX_CLASSES} in all is
     * a 400: the fit keeps a classes × classes confusion matrix per annotator and a posterior per item and class.
     */
    private static List<String> labelSet(List<String> labels, Units units) {
        Set<String> known = new HashSet<>(labels);
        TreeSet<String> others = new TreeSet<>();
        units.forEach(unit -> unit.answers().values().stream().filter(v -> !known.contains(v)).forEach(v -> {
            others.add(v);
            if (known.size() + others.size() > MAX_CLASSES) {
                throw ProblemException.badRequest("too-many-classes", "method=dawid-skene fits at most " + MAX_CLASSES
                        + " classes (the project's labels and any other answer given); this project's answers have"
                        + " more. Use method=majority.");
            }
        }));
        List<String> set = new ArrayList<>(labels);
        set.addAll(others);
        return set;
    }
}
