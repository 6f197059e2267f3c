package dev.blindfold.packaged;

import java.util.Arrays;

/** Latencies of one kind of request, recorded from many threads; percentiles by nearest rank. */
public final class Latencies {

    private long[] nanos = new long[1024];
    private int count;
    private int failed;
    private String firstFailure;

    public synchronized void add(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    public synchronized void fail(String why) {
        failed++;
        if (firstFailure == null) {
            firstFailure = why;
        }
    }

    public synchronized int count() {
        return count;
    }

    public synchronized int failed() {
        return failed;
    }

    public synchronized String firstFailure() {
        return firstFailure;
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) in milliseconds, or NaN when nothing was recorded. */
    public synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
    }

    public double maxMillis() {
        return percentileMillis(100);
    }
}
