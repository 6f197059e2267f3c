package dev.blindfold.packaged;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The cold-start floor: {@code bench/bare-app}, a Quarkus REST app with one {@code GET /hello}, built with the
 * project's Maven wrapper (offline: the main build has filled ~/.m2) and run with the same java and heap as
 * {@link PackagedApp}; and the JVM alone.
 */
final class BareApp {

    private BareApp() {
    }

    static Path build() throws IOException, InterruptedException {
        Path log = PackagedApp.workFolder().resolve("bare-app-build.log");
        Process build = new ProcessBuilder(Path.of("mvnw").toAbsolutePath().toString(), "-B", "-o", "-q",
                "-f", "bench/bare-app/pom.xml", "-DskipTests", "package")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
            throw new IllegalStateException("building bench/bare-app failed:\n" + Files.readString(log));
        }
        return Path.of("bench", "bare-app", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Starts the bare app, measures to its first 200 of /hello, and stops it. */
    static ColdStart start(Path jar, List<String> jvmOptions, String name) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port, "-jar", jar.toString()));
        Path log = PackagedApp.workFolder().resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(PackagedApp.workFolder().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        long startedAt = System.nanoTime();
        Process process = builder.start();
        try {
            double seconds = ColdStart.firstOk(URI.create("http://127.0.0.1:" + port + "/hello"), startedAt,
                    process::isAlive, () -> read(log));
            return new ColdStart(seconds, ColdStart.startedIn(log));
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** {@code java -Xmx256m -version}: from start to exit. */
    static ColdStart javaVersion() throws IOException, InterruptedException {
        List<String> command = List.of(java(), "-Xmx256m", "-version");
        long startedAt = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("java -version exited with " + process.exitValue());
        }
        return new ColdStart((System.nanoTime() - startedAt) / 1e9, Double.NaN);
    }

    /** A start that serves its first page with the given JVM options. */
    interface Training {
        ColdStart start(List<String> jvmOptions) throws Exception;
    }

    /**
     * AppCDS by hand, as {@code quarkus.package.jar.appcds.enabled} would give an operator: one start to the first
     * page with {@code -XX:ArchiveClassesAtExit} (the archive is written when the JVM exits), then the JVM options
     * that use it.
     */
    static List<String> appCds(String name, Training training) throws Exception {
        Path archive = PackagedApp.workFolder().resolve(name + "-appcds.jsa");
        Files.deleteIfExists(archive);
        training.start(List.of("-XX:ArchiveClassesAtExit=" + archive));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("no AppCDS archive written to " + archive);
        }
        return List.of("-XX:SharedArchiveFile=" + archive);
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
