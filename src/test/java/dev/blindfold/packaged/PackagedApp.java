package dev.blindfold.packaged;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged app ({@code target/quarkus-app/quarkus-run.jar}) run as its own process on a loopback port,
 * as an operator would run it: stopped with SIGTERM, killed with SIGKILL, restarted on the same port and
 * database. Its output goes to {@code target/packaged/<name>-<n>.log}, named in every failure.
 */
public final class PackagedApp implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "packaged-admin-password";
    private static final Duration READY_WITHIN = Duration.ofSeconds(240);

    private final String name;
    private final AppDatabase database;
    private final int port;
    private final Map<String, String> extraProperties;
    private final List<String> jvmOptions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Path log;
    private int starts;
    private long startedAt;

    private PackagedApp(String name, AppDatabase database, int port, Map<String, String> extraProperties,
                        List<String> jvmOptions) {
        this.name = name;
        this.database = database;
        this.port = port;
        this.extraProperties = extraProperties;
        this.jvmOptions = jvmOptions;
    }

    /** Starts an instance and waits until {@code /q/health/ready} answers 200. */
    public static PackagedApp start(String name, AppDatabase database) {
        return start(name, database, Map.of());
    }

    /** As {@link #start(String, AppDatabase)}, with extra {@code -D} settings (say, a shutdown timeout). */
    public static PackagedApp start(String name, AppDatabase database, Map<String, String> properties) {
        return start(name, database, properties, List.of());
    }

    /**
     * As {@link #start(String, AppDatabase, Map)}, with extra JVM options before {@code -jar} (say,
     * {@code -XX:StartFlightRecording=...} to profile a benchmark).
     */
    public static PackagedApp start(String name, AppDatabase database, Map<String, String> properties,
                                    List<String> jvmOptions) {
        PackagedApp app = launch(name, database, properties, jvmOptions);
        app.awaitReady();
        return app;
    }

    /** Starts without waiting, for starting several instances at once; call {@link #awaitReady()}. */
    public static PackagedApp launch(String name, AppDatabase database, Map<String, String> properties) {
        return launch(name, database, properties, List.of());
    }

    /** As {@link #launch(String, AppDatabase, Map)}, with JVM options before {@code -jar}. */
    public static PackagedApp launch(String name, AppDatabase database, Map<String, String> properties,
                                     List<String> jvmOptions) {
        PackagedApp app = new PackagedApp(name, database, freePort(), properties, jvmOptions);
        app.launch();
        return app;
    }

    /** The admin, for creating users and projects over the API. */
    public static LoopClient admin() {
        return new LoopClient("admin", ADMIN_PASSWORD);
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("blindfold.packaged.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the packaged app is built by 'mvn package' before the ITs run");
        }
        return jar.toAbsolutePath();
    }

    static Path workFolder() {
        Path folder = Path.of("target", "packaged").toAbsolutePath();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return folder;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public int port() {
        return port;
    }

    /** {@link System#nanoTime()} just before the last {@code ProcessBuilder.start()}: where a cold start begins. */
    public long startedAt() {
        return startedAt;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** The JVM command line: the same java that runs the tests, the jar, this instance's port and database. */
    List<String> command() {
        String java = ProcessHandle.current().info().command().orElse("java");
        Map<String, String> props = new HashMap<>(database.systemProperties());
        props.put("quarkus.http.host", "127.0.0.1");
        props.put("quarkus.http.port", Integer.toString(port));
        // Every Basic request verifies a bcrypt hash: cheap ones keep a loaded 2-core machine on the app's own work.
        props.put("blindfold.passwords.bcrypt-cost", "4");
        props.putAll(extraProperties);
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
        command.addAll(jvmOptions);
        props.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar().toString());
        return command;
    }

    private void launch() {
        starts++;
        log = workFolder().resolve(name + "-" + starts + ".log");
        ProcessBuilder builder = new ProcessBuilder(command())
                .directory(workFolder().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("BLINDFOLD_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("QUARKUS_ANALYTICS_DISABLED", "true");
        try {
            startedAt = System.nanoTime();
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
    }

    /** Waits until the instance is ready, failing with its log's tail if it exits or takes too long. */
    public void awaitReady() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready:\n" + logTail());
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(uri("/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        throw new IllegalStateException(name + " not ready within " + READY_WITHIN + ":\n" + logTail());
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    public void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, then waits for the exit; returns the exit code. */
    public int stop() {
        terminate();
        return awaitExit();
    }

    /** SIGTERM without waiting: the instance starts its shutdown while the caller goes on. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the instance to exit; its exit code, or -1 if it is still running after a minute. */
    public int awaitExit() {
        return waitForExit(Duration.ofSeconds(60));
    }

    /** Starts the instance again on the same port and database, and waits until it is ready. */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
        awaitReady();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Whether this start's log has a line containing {@code text} so far. */
    public boolean logged(String text) {
        try (var lines = Files.lines(log)) {
            return lines.anyMatch(line -> line.contains(text));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (waitForExit(Duration.ofSeconds(30)) < 0) {
                process.destroyForcibly();
            }
        }
    }

    private int waitForExit(Duration within) {
        try {
            if (process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
