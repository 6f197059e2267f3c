package dev.blindfold.packaged;

import java.util.Locale;
import java.util.Map;

/** The annotator loop benchmark's markdown: one table per number of annotators, floor beside each step. */
final class LoopTable {

    private final StringBuilder md = new StringBuilder();
    private final StringBuilder below = new StringBuilder();

    LoopTable heading(String text) {
        md.append(String.format(Locale.ROOT, "%n### %s%n%n", text));
        md.append("| mode | step | requests | req/s | p50 ms | p99 ms | max ms | server p50 ms | server p99 ms "
                + "| floor p50 ms | floor p99 ms | failed |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        return this;
    }

    /** The loop's steps, then the floor's own row, for one mode. */
    void mode(String mode, Phase loop, Map<Step, Latencies> loopServer, Phase floor, Map<Step, Latencies> floorServer) {
        Latencies f = floor.of(Step.FLOOR);
        for (Step s : Step.LOOP) {
            row(mode, s.label, loop.of(s), loop.seconds(), loopServer.get(s), f);
        }
        row(mode, "**" + Step.FLOOR.label + "**", f, floor.seconds(), floorServer.get(Step.FLOOR), f);
    }

    private void row(String mode, String step, Latencies l, double seconds, Latencies server, Latencies floor) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,.0f | %s | %s | %s | %s | %s | %s | %s | %d |%n", mode, step,
                l.count(), l.count() / seconds, ms(l.percentileMillis(50)), ms(l.percentileMillis(99)), ms(l.maxMillis()),
                server == null ? "–" : ms(server.percentileMillis(50)), server == null ? "–" : ms(server.percentileMillis(99)),
                ms(floor.percentileMillis(50)), ms(floor.percentileMillis(99)), l.failed()));
    }

    /** The app's CPU time per request in a mode: the loop's and the floor's, taken from the process between phases. */
    void cpu(String mode, java.time.Duration loopCpu, int loopRequests, java.time.Duration floorCpu, int floorRequests) {
        below.append(String.format(Locale.ROOT, "%n%s: the app used %.2f ms of CPU per loop request (%.1f s for %,d), "
                        + "%.2f ms per floor request (%.1f s for %,d).%n", mode,
                loopCpu.toNanos() / 1e6 / Math.max(1, loopRequests), loopCpu.toMillis() / 1e3, loopRequests,
                floorCpu.toNanos() / 1e6 / Math.max(1, floorRequests), floorCpu.toMillis() / 1e3, floorRequests));
    }

    /** Ends a table: the lines kept for below it. */
    void end() {
        md.append(below);
        below.setLength(0);
    }

    void note(String text) {
        md.append('\n').append(text).append('\n');
    }

    private static String ms(double millis) {
        return Double.isNaN(millis) ? "–" : String.format(Locale.ROOT, "%.2f", millis);
    }

    @Override
    public String toString() {
        return md.toString();
    }
}
