package dev.blindfold.packaged;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One phase of the benchmark: every simulated annotator on its own thread for a fixed time, either the
 * annotator loop or the HTTP floor, paced (exponential think time before each step) or saturating (none).
 * Client latencies of requests started before the deadline are kept per step; a request that fails is
 * counted wherever it happens.
 */
final class Phase {

    /** Thrown to end an annotator's phase after a failure was recorded. */
    static final class Failed extends Exception {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    private final LoopHttp http;
    private final boolean floor;
    private final double meanThinkMillis;
    private final long deadline;
    private final Duration length;
    private final Map<Step, Latencies> latencies = new EnumMap<>(Step.class);

    private Phase(LoopHttp http, boolean floor, double meanThinkMillis, Duration length) {
        this.http = http;
        this.floor = floor;
        this.meanThinkMillis = meanThinkMillis;
        this.length = length;
        this.deadline = System.nanoTime() + length.toNanos();
        for (Step s : Step.values()) {
            latencies.put(s, new Latencies());
        }
    }

    /** Runs all annotators through one phase and returns its client latencies per step. */
    static Phase run(LoopHttp http, List<SimulatedAnnotator> annotators, boolean floor, double meanThinkMillis,
                     Duration length) throws InterruptedException {
        Phase phase = new Phase(http, floor, meanThinkMillis, length);
        List<Thread> threads = new ArrayList<>();
        for (SimulatedAnnotator a : annotators) {
            Thread t = new Thread(() -> a.run(phase), "annotator");
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return phase;
    }

    boolean floor() {
        return floor;
    }

    long deadline() {
        return deadline;
    }

    double seconds() {
        return length.toNanos() / 1e9;
    }

    Latencies of(Step step) {
        return latencies.get(step);
    }

    int failed() {
        return latencies.values().stream().mapToInt(Latencies::failed).sum();
    }

    /**
     * Exponentially distributed think time with the phase's mean, capped at five means so a phase ends
     * within a few seconds of its deadline; none when saturating.
     */
    void think() throws InterruptedException {
        if (meanThinkMillis <= 0) {
            return;
        }
        double u = ThreadLocalRandom.current().nextDouble();
        long millis = (long) Math.min(5 * meanThinkMillis, -meanThinkMillis * Math.log(1 - u));
        long left = (deadline - System.nanoTime()) / 1_000_000;
        Thread.sleep(Math.max(0, Math.min(millis, left)));
    }

    HttpResponse<String> timed(Step step, HttpRequest request, int expected) throws Failed, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request);
        } catch (IOException e) {
            recordFailure(step, request.uri() + ": " + e);
            throw new Failed(e.toString());
        }
        long took = System.nanoTime() - start;
        if (response.statusCode() != expected) {
            String why = request.method() + " " + request.uri().getPath() + " answered " + response.statusCode()
                    + " (expected " + expected + "): " + response.body();
            recordFailure(step, why);
            throw new Failed(why);
        }
        if (start < deadline) {
            latencies.get(step).add(took);
        }
        return response;
    }

    void recordFailure(Step step, String why) {
        latencies.get(step).fail(why);
    }
}
