package dev.blindfold.audit.bundlewriter;

import dev.blindfold.audit.bundle.BundleManifest;
import dev.blindfold.audit.bundle.VerifyCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.blindfold.audit.bundlewriter.AuditFixture;
import dev.blindfold.audit.bundlewriter.BundleFiles;

/**
 * The verifier as auditors run it: a separate JVM with only target/classes and the Jackson jars on its class path
 * (no Quarkus, no Hibernate, no database), judged by its exit code and output.
 */
@QuarkusTest
class VerifyProcessTest {

    private static BundleFiles bundle;

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void seed() throws IOException {
        if (bundle == null) {
            Fixture f = AuditFixture.labelled();
            bundle = BundleFiles.read(AuditFixture.bundle(f.auditor(), f.projectId()));
        }
    }

    @Test
    void intactBundleExitsZeroAndSaysOk() throws Exception {
        Run run = verify(bundle.write(dir, "intact").toString());
        assertEquals(0, run.exit(), run.err() + run.out());
        assertTrue(run.out().startsWith("OK: " + bundle.lines(BundleManifest.EVENTS).size() + " events in 3 chains, 6 labels;"
                + " files match; exposure tags match"), run.out());
    }

    @Test
    void tamperedBundleExitsOneAndNamesEachProblemAlsoInJson() throws Exception {
        BundleFiles b = bundle.copy();
        List<String> lines = b.lines(BundleManifest.EVENTS);
        lines.remove(3);
        b.lines(BundleManifest.EVENTS, lines);
        Path zip = b.write(dir, "tampered");
        Run run = verify(zip.toString());
        assertEquals(1, run.exit(), run.err() + run.out());
        assertTrue(run.out().contains("DELETED events.jsonl line 4"), run.out());
        assertTrue(run.out().contains("FILE_MISMATCH events.jsonl"), run.out());

        Run json = verify(zip.toString(), "--json");
        assertEquals(1, json.exit());
        JsonNode report = BundleFiles.JSON.readTree(json.out());
        assertFalse(report.get("ok").asBoolean());
        assertTrue(report.get("findings").findValuesAsText("kind").contains("DELETED"), json.out());
    }

    @Test
    void chainsOnlyChecksTheChainsAndSaysWhatItLeftUnchecked() throws Exception {
        Run run = verify(bundle.write(dir, "chains").toString(), "--chains-only");
        assertEquals(0, run.exit(), run.err() + run.out());
        assertTrue(run.out().startsWith("OK: " + bundle.lines(BundleManifest.EVENTS).size() + " events in 3 chains;"
                + " chains end at the manifest's heads (files and exposure tags not checked)"), run.out());

        BundleFiles b = bundle.copy();
        List<String> lines = b.lines(BundleManifest.EVENTS);
        lines.remove(3);
        b.lines(BundleManifest.EVENTS, lines);
        Run tampered = verify(b.write(dir, "chains-tampered").toString(), "--chains-only");
        assertEquals(1, tampered.exit(), tampered.err() + tampered.out());
        assertTrue(tampered.out().contains("DELETED events.jsonl line 4"), tampered.out());
        assertFalse(tampered.out().contains("FILE_MISMATCH"), tampered.out());
    }

    @Test
    void unreadableBundleOrBadArgumentsExitTwo() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.zip"), "not a zip");
        assertEquals(2, verify(junk.toString()).exit());
        assertEquals(2, verify().exit());
        assertEquals(2, verify(bundle.write(dir, "b").toString(), "--public-key", "bm90IGEga2V5").exit());
    }

    private Run verify(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(), VerifyCommand.class.getName()));
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectError(dir.resolve("err.txt").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        return new Run(exit, out, Files.readString(dir.resolve("err.txt")));
    }

    /** target/classes and the three Jackson jars of this test's class path, nothing else. */
    private static String classPath() {
        String cp = System.getProperty("java.class.path") + File.pathSeparator + System.getProperty("surefire.test.class.path", "");
        List<String> jackson = Arrays.stream(cp.split(File.pathSeparator)).distinct()
                .filter(e -> e.matches(".*jackson-(core|databind|annotations)-[^" + File.separator + "]*\\.jar")).toList();
        assertEquals(3, jackson.size(), "jackson core, databind and annotations on the class path: " + jackson);
        return Path.of("target", "classes").toAbsolutePath() + File.pathSeparator + jackson.stream().collect(Collectors.joining(File.pathSeparator));
    }
}
