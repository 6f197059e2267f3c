package dev.blindfold.audit.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verify benchmark, not a timed test: run with {@code ./mvnw -B verify -Pbench} (256 MB heap). Synthesises a bundle of
 * {@code bench.events} events (default 1,000,000) in {@code bench.annotators} chains (default 1,000) with labels
 * tagged to match, then measures, on the same events.jsonl in the same JVM, each best of {@code bench.repeat} runs
 * (default 2; the machine is shared):
 * <ul>
 *   <li>the floor: SHA-256 of exactly what the chain rule hashes, prevHash's 32 bytes then the canonical bytes, one
 *       digest per event, read and split from the file ({@link ChainFloor}); and SHA-256 of the whole file in one
 *       stream, and {@code sha256sum};</li>
 *   <li>the chains alone ({@link BundleVerifier#verifyChains}: frames, hashes, links, heads);</li>
 *   <li>the full verification ({@link BundleVerifier#verify}: file digests, chains, every label's exposure).</li>
 * </ul>
 * Figures go to stdout and {@code bench/results/<date>-verify.md}; only correctness is asserted. {@code -Dbench.keep=DIR}
 * writes the bundle to DIR and keeps it; {@link #main} runs the passes on a kept bundle (for a profiler).
 */
class VerifyBench {

    @TempDir
    Path dir;

    @Test
    void verifyAMillionEvents() throws Exception {
        long events = Long.getLong("bench.events", 1_000_000);
        int annotators = Integer.getInteger("bench.annotators", 1_000);
        Path bundle = System.getProperty("bench.keep") == null ? dir.resolve("bundle") : Path.of(System.getProperty("bench.keep"));
        long t0 = System.nanoTime();
        SyntheticBundle.Written written = SyntheticBundle.write(bundle, events, annotators);
        double synth = (System.nanoTime() - t0) / 1e9;
        Path file = bundle.resolve(BundleManifest.EVENTS);
        int repeat = Integer.getInteger("bench.repeat", 2);

        double coreutils = best(repeat, () -> {
            Process p = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertEquals(0, p.waitFor(), out);
            assertTrue(out.startsWith(SyntheticBundle.sha256(file)), out);
            return null;
        });
        double stream = best(repeat, () -> SyntheticBundle.sha256(file));
        double floor = best(repeat, () -> {
            assertEquals(written.events(), ChainFloor.hashEvents(file), "every event's hash matches");
            return null;
        });
        double chains = best(repeat, () -> {
            BundleVerification r = new BundleVerifier(null).verifyChains(bundle);
            assertTrue(r.ok(), r.findings().toString());
            assertEquals(written.events(), r.events());
            return null;
        });
        double full = best(repeat, () -> {
            BundleVerification r = new BundleVerifier(null).verify(bundle);
            assertTrue(r.ok(), r.findings().toString());
            assertEquals(written.events(), r.events());
            assertEquals(written.labels(), r.labels());
            return null;
        });

        double mb = Files.size(file) / 1e6;
        double labelsMb = Files.size(bundle.resolve(BundleManifest.LABELS)) / 1e6;
        long n = written.events();
        String table = String.format(Locale.ROOT, """

                ### Verify of %,d events in %,d chains, %,d labels (%s, 2 cores shared, heap limit %d MB, best of %d)

                events.jsonl %.0f MB, labels.jsonl %.0f MB; synthesised in %.1f s. Floor (c): one SHA-256 per event over
                exactly what the chain rule hashes (prevHash's 32 bytes, then the canonical bytes), the lines read and
                split from the same file; MB/s are of events.jsonl.

                | pass over events.jsonl | s | events/s | MB/s | rate ÷ floor (c) |
                |---|---:|---:|---:|---:|
                | (c) floor: SHA-256 per event in the JVM | %.2f | %,.0f | %.0f | 1.00 |
                | SHA-256 of the whole file, one stream, JVM | %.2f | %,.0f | %.0f | %.2f |
                | `sha256sum` of the file (coreutils) | %.2f | %,.0f | %.0f | %.2f |
                | (a) chains alone: `BundleVerifier.verifyChains` | %.2f | %,.0f | %.0f | %.2f |
                | (b) full: `BundleVerifier.verify` (files, chains, exposure of every label) | %.2f | %,.0f | %.0f | %.2f |
                """, n, annotators, written.labels(), LocalDate.now(), Runtime.getRuntime().maxMemory() >> 20, repeat,
                mb, labelsMb, synth,
                floor, n / floor, mb / floor,
                stream, n / stream, mb / stream, floor / stream,
                coreutils, n / coreutils, mb / coreutils, floor / coreutils,
                chains, n / chains, mb / chains, floor / chains,
                full, n / full, mb / full, floor / full);
        System.out.println(table);
        Path results = Path.of("bench", "results", LocalDate.now() + "-verify.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, table, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The fastest of {@code times} runs, in seconds. */
    private static double best(int times, Callable<?> run) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < times; i++) {
            long t0 = System.nanoTime();
            run.call();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    /** {@code java -cp … dev.blindfold.audit.VerifyBench DIR chains|full|floor [times]}: one pass, for a profiler. */
    public static void main(String[] args) throws Exception {
        Path bundle = Path.of(args[0]);
        int times = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        for (int i = 0; i < times; i++) {
            long t0 = System.nanoTime();
            Object r = switch (args[1]) {
                case "chains" -> new BundleVerifier(null).verifyChains(bundle).summary();
                case "full" -> new BundleVerifier(null).verify(bundle).summary();
                default -> ChainFloor.hashEvents(bundle.resolve(BundleManifest.EVENTS));
            };
            System.out.printf(Locale.ROOT, "%s %.2f s: %s%n", args[1], (System.nanoTime() - t0) / 1e9, r);
        }
    }
}
