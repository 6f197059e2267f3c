package dev.blindfold.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dawid–Skene EM: a first step computed by hand, two published fixtures, and the cases where it
 * must beat majority, match it, or tie. Smoothing is {@link DawidSkene#SMOOTHING} = 0.01.
 */
class DawidSkeneTest {

    private static final double EXACT = 1e-12;

    /** One item's answers from alternating annotator, label arguments. */
    private static Map<String, String> item(String... annotatorThenLabel) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < annotatorThenLabel.length; i += 2) {
            answers.put(annotatorThenLabel[i], annotatorThenLabel[i + 1]);
        }
        return answers;
    }

    private static List<String> labels(DawidSkene.Result<?> result) {
        return result.items().stream().map(DawidSkene.Estimate::label).toList();
    }

    private static double yes(double yes, double no) {
        return yes / (yes + no);
    }

    /**
     * Labels (yes, no); A and B agree on i1, i2, i4 and split on i3.
     * <pre>
     * Start (soft majority): i1 (1, 0)  i2 (0, 1)  i3 (.5, .5)  i4 (1, 0)
     * M-step, every count plus 0.01:
     *   priors        yes = (2.5 + .01) / (4 + .02) = 2.51/4.02      no = 1.51/4.02
     *   A, true yes   mass 2.5 (i1, i3/2, i4), all said yes:  yes 2.51/2.52   no  .01/2.52
     *   A, true no    mass 1.5 (i2 said no, i3/2 said yes):   no  1.01/1.52   yes .51/1.52
     *   B, true yes   mass 2.5 (i1, i4 yes; i3/2 no):         yes 2.01/2.52   no  .51/2.52
     *   B, true no    mass 1.5 (i2, i3/2, both no):           no  1.51/1.52   yes .01/1.52
     * E-step, P(true | answers) proportional to prior x A's row x B's row:
     *   i3 (A yes, B no): yes 2.51/4.02 * 2.51/2.52 * .51/2.52,  no 1.51/4.02 * .51/1.52 * 1.51/1.52
     *                     = (2.51/2.52)^2 : (1.51/1.52)^2 after the common .51/4.02 -> P(yes) = 0.50131
     *   i1 (yes, yes):    yes 2.51/4.02 * 2.51/2.52 * 2.01/2.52,  no 1.51/4.02 * .51/1.52 * .01/1.52
     *   i2 (no, no):      yes 2.51/4.02 * .01/2.52 * .51/2.52,    no 1.51/4.02 * 1.01/1.52 * 1.51/1.52
     * Accuracy = sum over classes of prior x diagonal:
     *   A = 2.51/4.02 * 2.51/2.52 + 1.51/4.02 * 1.01/1.52 = 0.87149;  B = 2.51/4.02 * 2.01/2.52 + 1.51/4.02 * 1.51/1.52
     * </pre>
     */
    @Test
    void theFirstStepMatchesTheHandComputation() {
        List<Map<String, String>> items = List.of(item("A", "yes", "B", "yes"), item("A", "no", "B", "no"),
                item("A", "yes", "B", "no"), item("A", "yes", "B", "yes"));

        DawidSkene.Result<String> one = DawidSkene.fit(List.of("yes", "no"), items, 1);

        double i3 = yes(Math.pow(2.51 / 2.52, 2), Math.pow(1.51 / 1.52, 2));
        assertEquals(0.50131, i3, 1e-5, "the hand value");
        assertEquals(i3, one.items().get(2).posterior().get("yes"), EXACT);
        assertEquals("yes", one.items().get(2).label());
        assertEquals(i3, one.items().get(2).probability(), EXACT);
        assertEquals(yes(2.51 / 4.02 * 2.51 / 2.52 * 2.01 / 2.52, 1.51 / 4.02 * .51 / 1.52 * .01 / 1.52),
                one.items().get(0).posterior().get("yes"), EXACT);
        assertEquals(yes(2.51 / 4.02 * .01 / 2.52 * .51 / 2.52, 1.51 / 4.02 * 1.01 / 1.52 * 1.51 / 1.52),
                one.items().get(1).posterior().get("yes"), EXACT);
        assertEquals("no", one.items().get(1).label());
        assertEquals(2.51 / 4.02 * 2.51 / 2.52 + 1.51 / 4.02 * 1.01 / 1.52, one.accuracy().get("A"), EXACT);
        assertEquals(0.87149, one.accuracy().get("A"), 1e-5);
        assertEquals(2.51 / 4.02 * 2.01 / 2.52 + 1.51 / 4.02 * 1.51 / 1.52, one.accuracy().get("B"), EXACT);
        assertEquals(List.of("yes", "no"), List.copyOf(one.items().get(0).posterior().keySet()), "label order");
        assertEquals(1, one.iterations());
        assertFalse(one.converged(), "one step cannot show a change below the tolerance");
    }

    /**
     * Toloka crowd-kit's DS tests: the "toy YSDA" answers (tests/conftest.py, {@code toy_answers_df}),
     * which test_ds_aggregation.py also walks step by step ({@code data}, {@code priors_iter_0},
     * {@code errors_iter_0}, {@code probas_iter_1}, to two decimals). Their first E-step is our first
     * iteration; our accuracies follow from their iteration-0 priors (no .46, yes .54) and error
     * matrices, e.g. w2 = .46 * .61 + .54 * .78 = .7018. The tolerance covers their rounding and our
     * smoothing (crowd-kit clips at 1e-10 instead). Run to convergence, DS gives their
     * {@code toy_ground_truth_df} (yes, yes, no, yes, no), although majority ties on t1.
     */
    @Test
    void crowdKitToyDatasetStepByStepAndConverged() {
        List<Map<String, String>> toy = List.of(
                item("w1", "no", "w2", "yes", "w4", "yes", "w5", "no"),
                item("w1", "yes", "w2", "yes", "w3", "yes", "w4", "no", "w5", "no"),
                item("w1", "yes", "w2", "no", "w3", "no", "w4", "yes", "w5", "no"),
                item("w1", "yes", "w2", "yes", "w3", "yes", "w4", "yes", "w5", "yes"),
                item("w1", "yes", "w2", "no", "w3", "no", "w4", "no", "w5", "no"));
        List<String> labels = List.of("no", "yes");

        DawidSkene.Result<String> one = DawidSkene.fit(labels, toy, 1);
        double[] probasIter1Yes = {0.65, 0.74, 0.13, 1.00, 0.05};
        for (int t = 0; t < toy.size(); t++) {
            assertEquals(probasIter1Yes[t], one.items().get(t).posterior().get("yes"), 0.01, "t" + (t + 1));
        }
        assertEquals(List.of("yes", "yes", "no", "yes", "no"), labels(one), "tasks_labels_iter_1");
        Map<String, Double> fromErrorsIter0 = Map.of("w1", .46 * .22 + .54 * .81, "w2", .46 * .61 + .54 * .78,
                "w3", .46 * .78 + .54 * .73, "w4", .46 * .52 + .54 * .70, "w5", .46 * 1.0 + .54 * .37);
        fromErrorsIter0.forEach((w, accuracy) -> assertEquals(accuracy, one.accuracy().get(w), 0.01, w));

        DawidSkene.Result<String> fit = DawidSkene.fit(labels, toy);
        assertEquals(List.of("yes", "yes", "no", "yes", "no"), labels(fit));
        assertTrue(fit.converged());
        assertTrue(fit.iterations() > 1 && fit.iterations() < DawidSkene.MAX_ITERATIONS, "iterations " + fit.iterations());
        assertTrue(fit.accuracy().get("w2") > 0.95 && fit.accuracy().get("w3") > 0.95, "w2, w3 always right");
    }

    /**
     * crowd-kit's "simple" dataset (tests/conftest.py, {@code simple_answers_df} and
     * {@code simple_ground_truth}; ids shortened): four good workers, a fraudster who always
     * answers parrot and a careless one. DS recovers every true label, including efd, where the
     * three answers (chicken, parrot, goose) tie under majority, and rates the fraudster lowest.
     */
    @Test
    void crowdKitSimpleDatasetRecoversTheGroundTruthDespiteAFraudster() {
        List<String> tasks = List.of("eec", "efb", "f03", "f05", "f02", "f08", "ee8", "f07", "efd", "ee4");
        List<String> truth = List.of("goose", "parrot", "goose", "goose", "parrot", "parrot", "chicken", "parrot",
                "chicken", "chicken");
        String[][] answers = {
                {"good1", "eec", "goose"}, {"good1", "efb", "parrot"}, {"good1", "f03", "goose"},
                {"good1", "f05", "goose"}, {"good1", "f02", "parrot"}, {"good1", "f08", "parrot"},
                {"good2", "efb", "parrot"}, {"good2", "ee8", "chicken"}, {"good2", "f07", "parrot"},
                {"good2", "efd", "chicken"}, {"good2", "ee4", "chicken"}, {"good2", "f03", "goose"},
                {"good3", "ee8", "chicken"}, {"good3", "eec", "goose"}, {"good3", "f05", "goose"},
                {"good3", "f02", "parrot"}, {"good3", "f08", "parrot"},
                {"good4", "eec", "goose"}, {"good4", "ee8", "chicken"}, {"good4", "f03", "goose"},
                {"good4", "ee4", "chicken"},
                {"fraud", "eec", "parrot"}, {"fraud", "efb", "parrot"}, {"fraud", "f07", "parrot"},
                {"fraud", "efd", "parrot"}, {"fraud", "ee4", "parrot"}, {"fraud", "f05", "parrot"},
                {"careless", "efb", "parrot"}, {"careless", "ee8", "goose"}, {"careless", "f02", "parrot"},
                {"careless", "f08", "parrot"}, {"careless", "f07", "parrot"}, {"careless", "efd", "goose"}};
        List<Map<String, String>> items = new ArrayList<>();
        tasks.forEach(t -> items.add(new LinkedHashMap<>()));
        for (String[] a : answers) {
            items.get(tasks.indexOf(a[1])).put(a[0], a[2]);
        }

        DawidSkene.Result<String> fit = DawidSkene.fit(List.of("chicken", "goose", "parrot"), items);

        assertEquals(truth, labels(fit));
        assertTrue(Majority.of(List.copyOf(items.get(tasks.indexOf("efd")).values()), 3, false).tie());
        String worst = fit.accuracy().entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals("fraud", worst);
        assertTrue(fit.converged());
    }

    /**
     * R is always right. C1 and C2 collude: on every cat they both answer dog, so majority says dog
     * on all four cats. On dogs they slip to bird now and then (each on a different item), on cats
     * never. "These four are dogs" would need dog items on which the colluders' slips depend on what
     * R said — which the model (annotators independent given the true class) cannot produce; "these
     * are cats, which C1 and C2 call dog" explains every answer. Without the slips the two readings
     * fit equally well and no method could tell them apart. The last item has R's answer only.
     */
    @Test
    void aReliableAnnotatorBeatsTwoColludersWhereMajorityFails() {
        List<Map<String, String>> items = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            items.add(item("R", "cat", "C1", "dog", "C2", "dog"));
            truth.add("cat");
        }
        items.addAll(List.of(item("R", "dog", "C1", "dog", "C2", "dog"), item("R", "dog", "C1", "bird", "C2", "dog"),
                item("R", "dog", "C1", "dog", "C2", "bird"), item("R", "dog", "C1", "dog", "C2", "dog")));
        truth.addAll(List.of("dog", "dog", "dog", "dog"));
        for (int i = 0; i < 4; i++) {
            items.add(item("R", "bird", "C1", "bird", "C2", "bird"));
            truth.add("bird");
        }
        items.add(item("R", "cat"));
        truth.add("cat");

        DawidSkene.Result<String> fit = DawidSkene.fit(List.of("cat", "dog", "bird"), items);

        List<String> majority = items.stream().map(i -> Majority.of(List.copyOf(i.values()), 3, false).gold()).toList();
        assertEquals(List.of("dog", "dog", "dog", "dog"), majority.subList(0, 4), "majority follows the colluders");
        assertEquals(truth, labels(fit));
        assertTrue(fit.items().get(0).probability() > 0.99, "confident: " + fit.items().get(0));
        assertTrue(fit.accuracy().get("R") > 0.95, "R " + fit.accuracy());
        assertTrue(fit.accuracy().get("C1") < 0.7 && fit.accuracy().get("C2") < 0.7, "colluders " + fit.accuracy());
        assertTrue(fit.converged());
    }

    /**
     * Three annotators, each wrong on a different third of the nine split items (always naming the
     * next label), plus three unanimous items: every item has a clear majority and DS agrees with
     * it; the three annotators get the same accuracy.
     */
    @Test
    void equallyReliableAnnotatorsGiveTheMajority() {
        List<String> labels = List.of("a", "b", "c");
        List<String> annotators = List.of("X", "Y", "Z");
        List<Map<String, String>> items = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Map<String, String> answers = new LinkedHashMap<>();
            for (String annotator : annotators) {
                answers.put(annotator, labels.get(i % 3));
            }
            answers.put(annotators.get((i % 3 + i / 3) % 3), labels.get((i + 1) % 3));
            items.add(answers);
        }
        labels.forEach(l -> items.add(item("X", l, "Y", l, "Z", l)));

        DawidSkene.Result<String> fit = DawidSkene.fit(labels, items);

        List<String> majority = items.stream().map(i -> Majority.of(List.copyOf(i.values()), 3, false).gold()).toList();
        assertEquals(majority, labels(fit));
        assertEquals(fit.accuracy().get("X"), fit.accuracy().get("Y"), 1e-9);
        assertEquals(fit.accuracy().get("X"), fit.accuracy().get("Z"), 1e-9);
        assertTrue(fit.items().stream().noneMatch(DawidSkene.Estimate::tie));
    }

    /** i3's split is symmetric: its two posteriors are equal, it is a tie, and the label order decides. */
    @Test
    void aTieIsFlaggedAndBrokenByLabelOrderTheSameWayEveryRun() {
        List<Map<String, String>> items = List.of(item("A", "yes", "B", "yes"), item("A", "no", "B", "no"),
                item("A", "yes", "B", "no"));

        DawidSkene.Result<String> fit = DawidSkene.fit(List.of("yes", "no"), items);
        DawidSkene.Estimate split = fit.items().get(2);
        assertTrue(split.tie());
        assertEquals(0.5, split.probability(), 1e-9);
        assertEquals("yes", split.label(), "the first label of the label set");
        assertEquals("no", DawidSkene.fit(List.of("no", "yes"), items).items().get(2).label());
        assertFalse(fit.items().get(0).tie());

        for (int run = 0; run < 3; run++) {
            assertEquals(fit, DawidSkene.fit(List.of("yes", "no"), items), "same input, same result");
        }
    }

    @Test
    void everyPosteriorSumsToOneAndTheLabelIsItsLargest() {
        List<Map<String, String>> items = List.of(item("A", "x", "B", "y", "C", "z"), item("A", "x", "B", "x"),
                item("C", "z"), item("A", "y", "B", "y", "C", "x"), item("B", "z", "C", "z"));
        for (int max : List.of(1, 2, DawidSkene.MAX_ITERATIONS)) {
            for (DawidSkene.Estimate e : DawidSkene.fit(List.of("x", "y", "z"), items, max).items()) {
                assertEquals(1.0, e.posterior().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
                assertEquals(e.probability(), e.posterior().get(e.label()), EXACT);
                assertTrue(e.posterior().values().stream().allMatch(p -> p > 0 && p <= e.probability() + DawidSkene.TIE_TOLERANCE), e.toString());
            }
        }
    }

    /** Stopping: a cap below convergence reports not converged; otherwise it stops once the change is small. */
    @Test
    void theConvergedFlagSaysWhetherTheToleranceWasReached() {
        List<Map<String, String>> items = List.of(item("A", "x", "B", "y"), item("A", "x", "B", "x"),
                item("A", "y", "B", "y"), item("A", "x", "B", "x"), item("A", "y", "B", "x"));
        DawidSkene.Result<String> full = DawidSkene.fit(List.of("x", "y"), items);
        assertTrue(full.converged());
        assertTrue(full.iterations() >= 2);

        DawidSkene.Result<String> capped = DawidSkene.fit(List.of("x", "y"), items, full.iterations() - 1);
        assertFalse(capped.converged());
        assertEquals(full.iterations() - 1, capped.iterations());
        assertNotEquals(full.items(), capped.items(), "the last step still moved the posteriors");
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DawidSkene.fit(List.of("x", "y"), List.of(item("A", "z"))),
                "an answer outside the label set");
        assertThrows(IllegalArgumentException.class, () -> DawidSkene.fit(List.of("x", "y"), List.of(item())),
                "an item without answers");
        assertThrows(IllegalArgumentException.class, () -> DawidSkene.fit(List.of(), List.of()), "no labels");
        assertThrows(IllegalArgumentException.class, () -> DawidSkene.fit(List.of("x", "x"), List.of()), "twice");
        assertThrows(IllegalArgumentException.class, () -> DawidSkene.fit(List.of("x"), List.of(), 0), "no step");
    }

    @Test
    void noItemsGiveAnEmptyResult() {
        DawidSkene.Result<String> fit = DawidSkene.fit(List.of("x", "y"), List.of());
        assertTrue(fit.items().isEmpty());
        assertTrue(fit.accuracy().isEmpty());
    }
}
