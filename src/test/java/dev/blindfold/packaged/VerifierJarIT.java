package dev.blindfold.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The auditor's command as the README gives it, on what ships: {@code java -jar target/blindfold-verify.jar} on a
 * bundle downloaded from the packaged app. (The verifier once shipped missing classes because its only test ran
 * {@code target/classes}.) Runs in both passes.
 */
class VerifierJarIT {

    private static final String ANSWER = "Open Settings, choose Security, then Reset password.";

    @Test
    void theShippedVerifierJarChecksABundleFromTheRunningApp() throws Exception {
        Path jar = Path.of("target", "blindfold-verify.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), jar + " is built by 'mvn package'");
        assertEquals("", missingClasses(jar), "every class the verifier jar refers to is in it (jdeps --missing-deps)");

        Path work = Files.createTempDirectory(PackagedApp.workFolder(), "verifier-jar");
        Path bundle = work.resolve("bundle.zip");
        try (AppDatabase db = AppDatabase.fresh("verifier_jar");
             PackagedApp app = PackagedApp.start("verifier-jar", db)) {
            LoopClient admin = PackagedApp.admin();
            LoopClient ana = admin.newUser(app, "annotator");
            LoopClient ben = admin.newUser(app, "annotator");
            long project = admin.newProject(app, 2, 3, List.of(ana, ben));
            label(app, ana, project, true);
            label(app, ben, project, false);
            Files.write(bundle, download(app, admin, "/api/projects/" + project + "/audit/bundle"));
        }

        Run intact = verify(jar, bundle.toString());
        assertEquals(0, intact.status(), intact.output());
        assertTrue(intact.output().startsWith("OK"), intact.output());
        Run chainsOnly = verify(jar, bundle.toString(), "--chains-only");
        assertEquals(0, chainsOnly.status(), chainsOnly.output());
        assertTrue(chainsOnly.output().startsWith("OK"), chainsOnly.output());

        Path edited = work.resolve("edited.zip");
        rewriteEvents(bundle, edited, ANSWER, ANSWER.replace("Security", "Privacy "));
        Run tampered = verify(jar, edited.toString());
        assertEquals(1, tampered.status(), tampered.output());
        assertTrue(tampered.output().contains("events.jsonl"), "the finding names the file: " + tampered.output());
        Run tamperedChains = verify(jar, edited.toString(), "--chains-only");
        assertEquals(1, tamperedChains.status(), tamperedChains.output());
    }

    /** One label: next, commit, and for {@code reveal} the drafts and a KEEP. */
    private static void label(PackagedApp app, LoopClient who, long project, boolean reveal) throws Exception {
        long aid = who.next(app, project).orElseThrow();
        LoopClient.expectOk(who.typing(app, aid), "events");
        LoopClient.expectOk(who.commit(app, aid, ANSWER), "commit");
        if (reveal) {
            LoopClient.expectOk(who.reveal(app, aid), "reveal");
            LoopClient.expectOk(who.keep(app, aid), "keep");
        }
    }

    private static byte[] download(PackagedApp app, LoopClient who, String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.uri(path))
                .header("Authorization", who.authorization()).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        return response.body();
    }

    /** The bundle with one text replaced in events.jsonl and every other entry as it was. */
    private static void rewriteEvents(Path from, Path to, String text, String replacement) throws IOException {
        boolean replaced = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("events.jsonl")) {
                    String events = new String(bytes, StandardCharsets.UTF_8);
                    replaced = events.contains(text);
                    bytes = events.replaceFirst(java.util.regex.Pattern.quote(text), replacement)
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                new ByteArrayInputStream(bytes).transferTo(out);
                out.closeEntry();
            }
        }
        assertTrue(replaced, "events.jsonl holds the answer");
    }

    record Run(int status, String output) {
    }

    /** {@code java -jar blindfold-verify.jar args…} with the JVM running the tests, as its own process. */
    private static Run verify(Path jar, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (OutputStream ignored = process.getOutputStream()) {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "verifier finished");
        return new Run(process.exitValue(), output);
    }

    private static String missingClasses(Path jar) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out, true), new PrintWriter(out, true),
                "--multi-release", "17", "-filter:none", "--missing-deps", jar.toString());
        assertEquals(0, status, out.toString());
        return out.toString().strip();
    }
}
