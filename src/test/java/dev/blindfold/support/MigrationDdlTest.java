package dev.blindfold.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.blindfold.project.RawItemInserts;
import dev.blindfold.provenance.RawEventInserts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' scratch tables, made by RawEventInserts and RawItemInserts, are their production tables as the
 * migrations left them: the same columns (name, type, size, nullability, default, in order), primary key, unique and
 * other indexes and foreign keys, by the database's own metadata. Names are compared in lower case (H2 keeps them
 * upper-case, PostgreSQL lower-case), indexes and keys by their columns, not their names.
 */
@QuarkusTest
class MigrationDdlTest {

    private static final String[] COPIED = {"events", "items", "drafts"};

    @Inject
    AgroalDataSource dataSource;

    /** What the metadata says of one table, in lower case; indexes and foreign keys as lists of their columns. */
    record Shape(List<String> columns, List<String> primaryKey, List<String> indexes, List<String> foreignKeys) {
    }

    @AfterEach
    void dropScratchTables() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : MigrationDdl.dropScratchTables(COPIED)) {
                s.execute(sql);
            }
        }
    }

    @Test
    void theScratchTablesHaveTheProductionTablesColumnsKeysReferencesAndIndexes() throws SQLException {
        new RawEventInserts(dataSource).createTable();
        new RawItemInserts(dataSource).createTables();
        try (Connection c = dataSource.getConnection()) {
            for (String table : COPIED) {
                Shape production = shape(c, table, "_raw");
                assertFalse(production.columns().isEmpty() || production.primaryKey().isEmpty()
                        || production.foreignKeys().isEmpty(), table + ": " + production);
                assertEquals(production, shape(c, table + "_raw", ""), table + "_raw");
            }
        }
    }

    /** {@code table}'s shape; {@code copySuffix} follows the name of each copied table it references. */
    private static Shape shape(Connection c, String table, String copySuffix) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        String catalog = c.getCatalog();
        String schema = c.getSchema();
        List<String> columns = new ArrayList<>();
        String namePattern = name.replace("_", meta.getSearchStringEscape() + "_");
        try (ResultSet r = meta.getColumns(catalog, schema, namePattern, "%")) {
            while (r.next()) {
                columns.add(lower(r.getString("COLUMN_NAME") + " " + r.getString("TYPE_NAME") + "("
                        + r.getInt("COLUMN_SIZE") + ", " + r.getInt("DECIMAL_DIGITS") + ") nullable "
                        + r.getString("IS_NULLABLE") + " default " + r.getString("COLUMN_DEF")));
            }
        }
        Map<Integer, String> primaryKey = new TreeMap<>();
        try (ResultSet r = meta.getPrimaryKeys(catalog, schema, name)) {
            while (r.next()) {
                primaryKey.put(r.getInt("KEY_SEQ"), lower(r.getString("COLUMN_NAME")));
            }
        }
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        try (ResultSet r = meta.getIndexInfo(catalog, schema, name, false, false)) {
            while (r.next()) {
                if (r.getShort("TYPE") != DatabaseMetaData.tableIndexStatistic) {
                    String kind = r.getBoolean("NON_UNIQUE") ? "index" : "unique";
                    indexes.computeIfAbsent(r.getString("INDEX_NAME"), k -> new ArrayList<>(List.of(kind)))
                            .add(lower(r.getString("COLUMN_NAME")));
                }
            }
        }
        Map<String, List<String>> foreignKeys = new LinkedHashMap<>();
        try (ResultSet r = meta.getImportedKeys(catalog, schema, name)) {
            while (r.next()) {
                String referenced = lower(r.getString("PKTABLE_NAME"));
                if (List.of(COPIED).contains(referenced)) {
                    referenced += copySuffix;
                }
                foreignKeys.computeIfAbsent(r.getString("FK_NAME"), k -> new ArrayList<>()).add(lower(
                        r.getString("FKCOLUMN_NAME") + " -> " + referenced + "." + r.getString("PKCOLUMN_NAME")));
            }
        }
        return new Shape(columns, List.copyOf(primaryKey.values()), withoutNames(indexes), withoutNames(foreignKeys));
    }

    /** The lists without the names they were found under, sorted. */
    private static List<String> withoutNames(Map<String, List<String>> named) {
        return named.values().stream().map(List::toString).sorted().toList();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
