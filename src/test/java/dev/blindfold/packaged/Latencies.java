package dev.blindfold.packaged;

import java.util.Arrays;

/** Latencies of one kind of request, recorded from many threads; percentiles by nearest rank. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;
    private int failed;
    private String firstFailure;

    synchronized void add(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    synchronized void fail(String why) {
        failed++;
        if (firstFailure == null) {
            firstFailure = why;
        }
    }

    synchronized int count() {
        return count;
    }

    synchronized int failed() {
        return failed;
    }

    synchronized String firstFailure() {
        return firstFailure;
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) in milliseconds, or NaN when nothing was recorded. */
    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
    }

    double maxMillis() {
        return percentileMillis(100);
    }
}
