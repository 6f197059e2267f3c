package dev.blindfold.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verify benchmark, not a timed test: run with {@code ./mvnw -B verify -Pbench} (256 MB heap). Synthesises a bundle of
 * {@code bench.events} events (default 1,000,000) in {@code bench.annotators} chains (default 1,000) with labels
 * tagged to match, then measures the offline verifier against the floor of any verification, reading and hashing the
 * same events.jsonl: SHA-256 in this JVM (MessageDigest) and {@code sha256sum}. Figures go to stdout and
 * {@code bench/results/<date>-verify.md}. {@code -Dbench.keep=DIR} writes the bundle to DIR and keeps it (to try
 * {@code java -jar target/blindfold-verify.jar DIR} on it).
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
        double synth = seconds(t0);
        Path file = bundle.resolve(BundleManifest.EVENTS);
        double mb = Files.size(file) / 1e6;
        double labelsMb = Files.size(bundle.resolve(BundleManifest.LABELS)) / 1e6;
        System.out.printf(Locale.ROOT, "bench: synthesised %,d events (%.0f MB), %,d labels (%.0f MB) in %.1f s%n",
                written.events(), mb, written.labels(), labelsMb, synth);

        t0 = System.nanoTime();
        String jvmSha = SyntheticBundle.sha256(file);
        double jvm = seconds(t0);

        t0 = System.nanoTime();
        Process p = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertEquals(0, p.waitFor(), out);
        double coreutils = seconds(t0);
        assertTrue(out.startsWith(jvmSha), out);

        t0 = System.nanoTime();
        BundleVerification r = new BundleVerifier(null).verify(bundle);
        double verify = seconds(t0);
        assertTrue(r.ok(), r.findings().toString());
        assertEquals(written.events(), r.events());
        assertEquals(written.labels(), r.labels());

        String table = String.format(Locale.ROOT, """

                ### Verify of %,d events in %,d chains, %,d labels (%s, 2 cores shared, heap limit %d MB)

                events.jsonl %.0f MB, labels.jsonl %.0f MB; synthesised in %.1f s.

                | pass over events.jsonl | s | events/s | MB/s | × sha256sum |
                |---|---:|---:|---:|---:|
                | `sha256sum` (coreutils) | %.2f | %,.0f | %.0f | 1.0 |
                | SHA-256 in the JVM (MessageDigest) | %.2f | %,.0f | %.0f | %.1f |
                | BundleVerifier (files, chains, exposure of every label) | %.2f | %,.0f | %.0f | %.1f |
                """, r.events(), r.chains(), r.labels(), LocalDate.now(), Runtime.getRuntime().maxMemory() >> 20,
                mb, labelsMb, synth,
                coreutils, r.events() / coreutils, mb / coreutils,
                jvm, r.events() / jvm, mb / jvm, jvm / coreutils,
                verify, r.events() / verify, mb / verify, verify / coreutils);
        System.out.println(table);
        Path results = Path.of("bench", "results", LocalDate.now() + "-verify.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, table, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
