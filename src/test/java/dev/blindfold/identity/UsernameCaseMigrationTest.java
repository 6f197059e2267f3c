package dev.blindfold.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * V9 on a database from before usernames were case-insensitive, holding ADMIN beside admin: nobody is merged. In
 * each group the lowercase spelling (else the oldest) keeps the name, the others become {@code <lowercase>-<id>}
 * with everything else unchanged, every rename is recorded for the start-up log, and the database then refuses a
 * name that is not lowercase. On H2, and on PostgreSQL in the pg pass (a scratch schema of the test database,
 * dropped afterwards).
 */
class UsernameCaseMigrationTest {

    @Test
    void namesDifferingOnlyInCaseAreRenamedNeverMerged() throws SQLException {
        boolean postgres = System.getProperty("quarkus.test.profile", "").contains("pg");
        String name = "bf_migration_" + UUID.randomUUID().toString().substring(0, 8);
        String server = env("BLINDFOLD_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = postgres ? env("BLINDFOLD_DB_USER", "postgres") : "sa";
        String password = postgres ? env("BLINDFOLD_DB_PASSWORD", "") : "";
        String url = postgres ? server + (server.contains("?") ? "&" : "?") + "currentSchema=" + name
                : "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        if (postgres) {
            admin(server, user, password, "CREATE SCHEMA " + name);
        }
        try {
            migrate(postgres, url, user, password, name, "8");
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                for (Object[] row : new Object[][] {{101, "ADMIN"}, {102, "Ana"}, {103, "ANA"}, {104, "bob"},
                        {105, "Carol"}, {106, "admin"}}) {
                    s.executeUpdate("INSERT INTO users (id, username, password_hash, roles, created_at) VALUES (" + row[0]
                            + ", '" + row[1] + "', 'hash-" + row[0] + "', 'ops', CURRENT_TIMESTAMP)");
                }
            }
            migrate(postgres, url, user, password, name, "latest");
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                Map<Integer, String> names = new LinkedHashMap<>();
                try (ResultSet r = s.executeQuery("SELECT id, username, password_hash FROM users ORDER BY id")) {
                    while (r.next()) {
                        names.put(r.getInt(1), r.getString(2));
                        assertEquals("hash-" + r.getInt(1), r.getString(3), "the account itself is unchanged");
                    }
                }
                assertEquals(Map.of(101, "admin-101", 102, "ana", 103, "ana-103", 104, "bob", 105, "carol", 106, "admin"),
                        names);
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM username_changes WHERE reported_at IS NULL")) {
                    r.next();
                    assertEquals(4, r.getInt(1), "ADMIN, Ana, ANA and Carol are recorded");
                }
                assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO users (id, username, password_hash,"
                        + " roles, created_at) VALUES (107, 'Dave', 'h', 'ops', CURRENT_TIMESTAMP)"));
            }
        } finally {
            if (postgres) {
                admin(server, user, password, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
            }
        }
    }

    private static void migrate(boolean postgres, String url, String user, String password, String schema, String target) {
        FluentConfiguration flyway = Flyway.configure().dataSource(url, user, password).target(target)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + (postgres ? "postgresql" : "h2"));
        if (postgres) {
            flyway.schemas(schema);
        }
        flyway.load().migrate();
    }

    private static void admin(String server, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
