package dev.blindfold.provenance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs K workers at once, each doing its batches one after another, and keeps every batch's latency. */
final class BatchTimer {

    /** One batch of worker {@code worker}; {@code index} counts that worker's batches from 0. */
    interface Batch {
        void run(int worker, int index) throws Exception;
    }

    /** What a run took: wall time of the whole run and each batch's latency in nanoseconds, sorted. */
    record Timing(String path, long events, double seconds, long[] sortedNanos) {
        /** This run and an earlier one of the same path as one (null: none yet). */
        Timing plus(Timing earlier) {
            if (earlier == null) {
                return this;
            }
            long[] merged = new long[sortedNanos.length + earlier.sortedNanos.length];
            System.arraycopy(sortedNanos, 0, merged, 0, sortedNanos.length);
            System.arraycopy(earlier.sortedNanos, 0, merged, sortedNanos.length, earlier.sortedNanos.length);
            Arrays.sort(merged);
            return new Timing(path, events + earlier.events, seconds + earlier.seconds, merged);
        }

        double perSecond() {
            return events / seconds;
        }

        double percentileMs(double p) {
            return sortedNanos.length == 0 ? 0
                    : sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.floor(p * sortedNanos.length))] / 1e6;
        }
    }

    private BatchTimer() {
    }

    /** Runs {@code batchesEach} batches on each of {@code workers} threads; {@code events} is how many they store in all. */
    static Timing run(String path, int workers, int batchesEach, long events, Batch batch) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            futures.add(pool.submit(() -> {
                long[] nanos = new long[batchesEach];
                go.await();
                for (int i = 0; i < batchesEach; i++) {
                    long start = System.nanoTime();
                    batch.run(worker, i);
                    nanos[i] = System.nanoTime() - start;
                }
                return nanos;
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        List<long[]> all = new ArrayList<>();
        try {
            for (Future<long[]> f : futures) {
                all.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Timing(path, events, seconds, sorted);
    }
}
