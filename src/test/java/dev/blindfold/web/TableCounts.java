package dev.blindfold.web;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Row counts of every table of the app's schema (but Flyway's history), to see that a refused request wrote nothing. */
final class TableCounts {

    private final DataSource dataSource;
    private List<String> tables;

    TableCounts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Map<String, Long> now() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (tables == null) {
                tables = tables(s);
            }
            Map<String, Long> counts = new TreeMap<>();
            for (String table : tables) {
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    r.next();
                    counts.put(table, r.getLong(1));
                }
            }
            return counts;
        }
    }

    private static List<String> tables(Statement s) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.tables"
                + " WHERE upper(table_schema) = upper(current_schema) AND table_type IN ('BASE TABLE', 'TABLE')"
                + " AND lower(table_name) <> 'flyway_schema_history' ORDER BY table_name")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        if (names.size() < 10) {
            throw new IllegalStateException("expected the app's tables, found " + names);
        }
        return names;
    }
}
