package dev.blindfold.packaged;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * A fresh, empty database for packaged app instances: a new PostgreSQL database when the jar is the
 * PostgreSQL build (failsafe's {@code blindfold.packaged.db=pg}), else an H2 file in its own folder.
 * PostgreSQL comes from BLINDFOLD_DB_URL/_USER/_PASSWORD as in CI (default 127.0.0.1:5432/test as postgres).
 */
public final class AppDatabase implements AutoCloseable {

    private final boolean postgres;
    private final String url;
    private final String user;
    private final String password;
    private final String server;
    private final String name;

    private AppDatabase(boolean postgres, String url, String user, String password, String server, String name) {
        this.server = server;
        this.name = name;
        this.postgres = postgres;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static boolean postgresBuild() {
        return "pg".equals(System.getProperty("blindfold.packaged.db", "h2"));
    }

    /** A new database named after {@code purpose}, created now and empty. */
    public static AppDatabase fresh(String purpose) {
        String suffix = purpose.toLowerCase().replaceAll("[^a-z0-9]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8);
        if (!postgresBuild()) {
            Path folder = PackagedApp.workFolder().resolve("h2-" + suffix);
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return new AppDatabase(false, "jdbc:h2:file:" + folder.resolve("blindfold").toAbsolutePath() + h2Options(),
                    "sa", "", null, null);
        }
        String server = env("BLINDFOLD_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("BLINDFOLD_DB_USER", "postgres");
        String password = env("BLINDFOLD_DB_PASSWORD", "");
        String name = "bf_" + suffix;
        try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + server, e);
        }
        String url = server.substring(0, server.lastIndexOf('/') + 1) + name;
        return new AppDatabase(true, url, user, password, server, name);
    }

    /**
     * The options of the shipped H2 url ({@code ;WRITE_DELAY=0;...} in application.properties), so the packaged app
     * runs on its own file with the settings an operator gets.
     */
    private static String h2Options() {
        Properties shipped = new Properties();
        try (InputStream in = AppDatabase.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("application.properties is not on the test classpath");
            }
            shipped.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String url = shipped.getProperty("quarkus.datasource.jdbc.url");
        return url.substring(url.indexOf(';'));
    }

    public boolean postgres() {
        return postgres;
    }

    /**
     * A connection for checking what the app stored. On H2 only while no app instance runs (the app holds
     * the file's lock); on PostgreSQL at any time.
     */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** What a packaged instance needs to reach this database: system properties for the JVM. */
    Map<String, String> systemProperties() {
        return Map.of("quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    /** Drops a PostgreSQL database (after its app instances have stopped); H2 files stay under target/packaged. */
    @Override
    public void close() {
        if (!postgres) {
            return;
        }
        try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
