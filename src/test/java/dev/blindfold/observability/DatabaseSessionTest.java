package dev.blindfold.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The app's connections are set up as the README says: on PostgreSQL with JIT compilation off (generic plans costed
 * for the average project paid tens to hundreds of milliseconds compiling index walks); H2 has no such setting.
 */
@QuarkusTest
class DatabaseSessionTest {

    @Inject
    DataSource db;

    @Test
    void postgresConnectionsRunWithoutJit() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                try (ResultSet r = s.executeQuery("SHOW jit")) {
                    r.next();
                    assertEquals("off", r.getString(1));
                }
            } else {
                assertEquals("h2", product);
            }
        }
    }
}
