package dev.blindfold.agreement;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gold for categorical labels by Dawid &amp; Skene (1979), "Maximum likelihood estimation of observer
 * error-rates using the EM algorithm": each annotator has a confusion matrix (the probability of
 * answering label l when the true label is j), items have a true label drawn from class priors, and
 * annotators answer independently given it. Unlike majority, an annotator who is reliable outweighs
 * several who err the same way. Plain Java.
 *
 * <ol>
 *   <li>Start: each item's posterior is its soft majority (votes / answers).</li>
 *   <li>M-step: priors and one confusion matrix per annotator from the posteriors, every count plus
 *       {@link #SMOOTHING}, so no probability is 0: one surprising answer can then lower an item's
 *       posterior but never veto a class outright, and a class an annotator never met gets a
 *       uniform row.</li>
 *   <li>E-step: each item's posterior, proportional to prior × the matching confusion entry of
 *       every annotator who answered it (in logs, so many answers cannot underflow).</li>
 *   <li>Repeat M and E until the log-likelihood of the answers per answer changes by less than
 *       {@link #TOLERANCE}, or {@link #MAX_ITERATIONS} rounds. A round is one M-step and one E-step;
 *       the first round has nothing to compare with, so convergence shows at round 2 at the earliest.
 *       The smoothing makes this EM for a Dirichlet-penalised likelihood, which need not make the
 *       plain likelihood rise each round; hence the stop test is on the size of the change.</li>
 * </ol>
 * Everything runs in a fixed order (items as given, annotators by first answer, labels as given), so
 * equal input gives an equal result. Like all latent-class models it cannot tell apart readings that
 * explain the answers equally well: two annotators who always agree on a wrong label, and are
 * otherwise perfect, look the same as one annotator who is wrong.
 */
public final class DawidSkene {

    /** Pseudo-count added to every prior and confusion count: small against one answer's weight of 1. */
    public static final double SMOOTHING = 0.01;
    /** Stop when the log-likelihood per answer changes by less than this between rounds. */
    public static final double TOLERANCE = 1e-6;
    /** Rounds at most; EM on a few thousand items usually settles well within this. */
    public static final int MAX_ITERATIONS = 100;
    /** Posteriors this close count as equal: symmetric answers can differ in the last bits of a double. */
    public static final double TIE_TOLERANCE = 1e-9;

    /**
     * One item's result.
     *
     * @param label       the most probable label; of equally probable ones, the first in label order
     * @param probability its posterior probability
     * @param posterior   label → posterior probability, in label order; sums to 1
     * @param tie         the two most probable labels are equally probable (within {@link #TIE_TOLERANCE})
     */
    public record Estimate(String label, double probability, Map<String, Double> posterior, boolean tie) {
    }

    /**
     * @param items      one estimate per input item, in input order (each made when read)
     * @param accuracy   annotator → estimated accuracy: the confusion diagonal weighted by the class priors
     * @param iterations rounds run
     * @param converged  whether the change fell below {@link #TOLERANCE} before the cap
     */
    public record Result<A>(List<Estimate> items, Map<A, Double> accuracy, int iterations, boolean converged) {
    }

    private final int labels;
    private final int[][] annotatorOf;
    private final int[][] answerOf;
    private final int answers;
    private final double[][] posterior;
    private final double[] prior;
    private final double[][][] confusion;

    private DawidSkene(int labels, int[][] annotatorOf, int[][] answerOf, int annotators) {
        this.labels = labels;
        this.annotatorOf = annotatorOf;
        this.answerOf = answerOf;
        this.answers = Arrays.stream(answerOf).mapToInt(a -> a.length).sum();
        this.posterior = new double[answerOf.length][labels];
        this.prior = new double[labels];
        this.confusion = new double[annotators][labels][labels];
    }

    /**
     * @param labels the label set, in the order that breaks ties
     * @param items  per item, annotator → label; every item needs at least one answer, every label must
     *               be in {@code labels}
     */
    public static <A> Result<A> fit(List<String> labels, List<? extends Map<A, String>> items) {
        return fit(labels, items, MAX_ITERATIONS);
    }

    /** As {@link #fit(List, List)} with another cap on rounds, for tests that stop early. */
    static <A> Result<A> fit(List<String> labels, List<? extends Map<A, String>> items, int maxIterations) {
        Answers<A> answers = new Answers<>(labels);
        items.forEach(answers::add);
        return answers.fit(maxIterations);
    }

    /**
     * The answers to fit, added one item at a time and kept as label and annotator indices (two ints an answer), so
     * a caller can stream a project's items in without holding their text.
     */
    static final class Answers<A> {

        private final List<String> labels;
        private final Map<String, Integer> labelIndex = new HashMap<>();
        private final Map<A, Integer> annotatorIndex = new LinkedHashMap<>();
        private final List<int[]> annotatorOf = new ArrayList<>();
        private final List<int[]> answerOf = new ArrayList<>();

        /** @param labels the label set, in the order that breaks ties; non-empty and distinct */
        Answers(List<String> labels) {
            if (labels.isEmpty() || new HashSet<>(labels).size() != labels.size()) {
                throw new IllegalArgumentException("labels must be non-empty and distinct");
            }
            this.labels = List.copyOf(labels);
            labels.forEach(l -> labelIndex.put(l, labelIndex.size()));
        }

        /** One item's answers, annotator → label; at least one, each in the label set. */
        void add(Map<A, String> item) {
            int i = answerOf.size();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("item " + i + " has no answers");
            }
            int[] who = new int[item.size()];
            int[] what = new int[item.size()];
            int n = 0;
            for (Map.Entry<A, String> answer : item.entrySet()) {
                Integer label = labelIndex.get(answer.getValue());
                if (label == null) {
                    throw new IllegalArgumentException("item " + i + ": '" + answer.getValue() + "' is not a label");
                }
                who[n] = annotatorIndex.computeIfAbsent(answer.getKey(), a -> annotatorIndex.size());
                what[n++] = label;
            }
            annotatorOf.add(who);
            answerOf.add(what);
        }

        Result<A> fit(int maxIterations) {
            if (maxIterations < 1) {
                throw new IllegalArgumentException("at least one round must run");
            }
            DawidSkene em = new DawidSkene(labels.size(), annotatorOf.toArray(int[][]::new),
                    answerOf.toArray(int[][]::new), annotatorIndex.size());
            em.startFromMajority();
            double previous = Double.NaN;
            int round = 0;
            boolean converged = false;
            while (!converged && round < maxIterations) {
                round++;
                em.maximise();
                double logLikelihood = em.expect();
                converged = Math.abs(logLikelihood - previous) < TOLERANCE;
                previous = logLikelihood;
            }
            Map<A, Double> accuracy = new LinkedHashMap<>();
            annotatorIndex.forEach((annotator, k) -> accuracy.put(annotator, em.accuracy(k)));
            return new Result<>(em.estimates(labels), Collections.unmodifiableMap(accuracy), round, converged);
        }
    }

    private void startFromMajority() {
        for (int i = 0; i < answerOf.length; i++) {
            for (int label : answerOf[i]) {
                posterior[i][label] += 1.0 / answerOf[i].length;
            }
        }
    }

    private void maximise() {
        Arrays.fill(prior, SMOOTHING);
        for (double[][] matrix : confusion) {
            for (double[] row : matrix) {
                Arrays.fill(row, SMOOTHING);
            }
        }
        for (int i = 0; i < answerOf.length; i++) {
            for (int j = 0; j < labels; j++) {
                prior[j] += posterior[i][j];
                for (int n = 0; n < answerOf[i].length; n++) {
                    confusion[annotatorOf[i][n]][j][answerOf[i][n]] += posterior[i][j];
                }
            }
        }
        normalise(prior);
        for (double[][] matrix : confusion) {
            for (double[] row : matrix) {
                normalise(row);
            }
        }
    }

    /** Posteriors from the current parameters; returns the log-likelihood of the answers per answer. */
    private double expect() {
        double logLikelihood = 0;
        for (int i = 0; i < answerOf.length; i++) {
            double[] log = new double[labels];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < labels; j++) {
                log[j] = Math.log(prior[j]);
                for (int n = 0; n < answerOf[i].length; n++) {
                    log[j] += Math.log(confusion[annotatorOf[i][n]][j][answerOf[i][n]]);
                }
                max = Math.max(max, log[j]);
            }
            for (int j = 0; j < labels; j++) {
                posterior[i][j] = Math.exp(log[j] - max);
            }
            logLikelihood += max + Math.log(normalise(posterior[i]));
        }
        return logLikelihood / Math.max(1, answers);
    }

    private double accuracy(int annotator) {
        double accuracy = 0;
        for (int j = 0; j < labels; j++) {
            accuracy += prior[j] * confusion[annotator][j][j];
        }
        return accuracy;
    }

    /** The items' estimates, each made when it is read: a posterior map per item for the whole project would not fit. */
    private List<Estimate> estimates(List<String> names) {
        return new AbstractList<>() {
            @Override
            public Estimate get(int i) {
                return estimate(posterior[i], names);
            }

            @Override
            public int size() {
                return posterior.length;
            }
        };
    }

    private Estimate estimate(double[] p, List<String> names) {
        double max = Arrays.stream(p).max().orElseThrow();
        int best = -1;
        boolean tie = false;
        Map<String, Double> named = new LinkedHashMap<>();
        for (int j = 0; j < labels; j++) {
            named.put(names.get(j), p[j]);
            if (max - p[j] <= TIE_TOLERANCE) {
                tie |= best >= 0;
                best = best >= 0 ? best : j;
            }
        }
        return new Estimate(names.get(best), p[best], Collections.unmodifiableMap(named), tie);
    }

    /** Scales to sum 1; returns the sum before. */
    private static double normalise(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        for (int j = 0; j < values.length; j++) {
            values[j] /= sum;
        }
        return sum;
    }
}
