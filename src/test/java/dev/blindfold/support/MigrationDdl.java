package dev.blindfold.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The DDL of scratch copies of production tables ({@code events} → {@code events_raw}), taken from the Flyway
 * migrations themselves, so a copy has the columns, keys, references and indexes its table has after the last
 * migration and cannot drift from it: a copied CREATE TABLE would have missed V8's wider {@code events.payload}.
 *
 * <p>It reads {@code db/migration/common/V<n>__*.sql} from the classpath (a directory under target/classes), in
 * version order, drops {@code --} comments, splits statements at {@code ;} (no string literal there holds either),
 * and keeps each statement that makes or changes a copied table: {@code CREATE TABLE t (}, {@code CREATE [UNIQUE]
 * INDEX i ON t (} and {@code ALTER TABLE t}; a {@code DROP TABLE t} forgets what came before it. Names are matched
 * whole ({@code items} is not {@code imported_labels} nor {@code items_SEQ}). In what it keeps, a copied table's name
 * after TABLE, ON or REFERENCES gets {@code _raw}, so copies reference each other ({@code drafts_raw} →
 * {@code items_raw}) and other tables the real ones; constraint and index names {@code t_*} become {@code t_raw_*}.
 *
 * <p>The dialect folders ({@code db/migration/h2}, {@code db/migration/postgresql}) hold only the triggers that refuse
 * UPDATE and DELETE on {@code events} and {@code blind_answers}; a scratch table a benchmark inserts into does without.
 */
public final class MigrationDdl {

    private static final String MIGRATIONS = "db/migration/common";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__\\w+\\.sql");
    private static final Pattern TOUCHES = Pattern.compile("(DROP\\s+TABLE(?:\\s+IF\\s+EXISTS)?|CREATE\\s+TABLE"
            + "|ALTER\\s+TABLE|CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+\\w+\\s+ON)\\s+(\\w+)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TABLE_NAME = Pattern.compile("\\b(TABLE|ON|REFERENCES)(\\s+)(\\w+)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OWN_NAME = Pattern.compile("\\b(CONSTRAINT|INDEX)(\\s+)(\\w+)\\b",
            Pattern.CASE_INSENSITIVE);

    /** One kept statement, rewritten for the copies, the table it makes or changes, and whether it makes it. */
    private record Ddl(String table, boolean creates, String sql) {
    }

    private MigrationDdl() {
    }

    /**
     * The statements that make empty scratch copies of {@code tables} (each {@code <t>_raw}), dropping earlier ones
     * first: {@link #dropScratchTables}, then the migrations' DDL of the tables, rewritten, in migration order.
     */
    public static List<String> scratchTables(String... tables) {
        List<String> statements = new ArrayList<>(dropScratchTables(tables));
        ddl(tables).forEach(d -> statements.add(d.sql()));
        return statements;
    }

    /** {@code DROP TABLE IF EXISTS} each scratch copy of {@code tables}, a copy before those it references. */
    public static List<String> dropScratchTables(String... tables) {
        List<String> drops = new ArrayList<>();
        for (Ddl d : ddl(tables)) {
            if (d.creates()) {
                drops.add(0, "DROP TABLE IF EXISTS " + d.table() + "_raw");
            }
        }
        return drops;
    }

    private static List<Ddl> ddl(String... tables) {
        Set<String> copied = Arrays.stream(tables).map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<Ddl> kept = new ArrayList<>();
        for (String statement : statements()) {
            Matcher m = TOUCHES.matcher(statement);
            if (!m.matches() || !copied.contains(m.group(2).toLowerCase(Locale.ROOT))) {
                continue;
            }
            String table = m.group(2).toLowerCase(Locale.ROOT);
            String verb = m.group(1).toUpperCase(Locale.ROOT);
            if (verb.startsWith("DROP")) {
                kept.removeIf(d -> d.table().equals(table));
            } else {
                kept.add(new Ddl(table, verb.startsWith("CREATE") && verb.endsWith("TABLE"),
                        forCopies(statement, table, copied)));
            }
        }
        for (String table : copied) {
            if (kept.stream().noneMatch(d -> d.table().equals(table) && d.creates())) {
                throw new IllegalArgumentException("no CREATE TABLE " + table + " in " + MIGRATIONS);
            }
        }
        return kept;
    }

    /** {@code statement} of {@code table} with the copies' table, constraint and index names. */
    private static String forCopies(String statement, String table, Set<String> copied) {
        String renamed = TABLE_NAME.matcher(statement).replaceAll(m -> {
            String name = m.group(3);
            return m.group(1) + m.group(2) + (copied.contains(name.toLowerCase(Locale.ROOT)) ? name + "_raw" : name);
        });
        return OWN_NAME.matcher(renamed).replaceAll(m -> {
            String name = m.group(3);
            return m.group(1) + m.group(2) + (name.toLowerCase(Locale.ROOT).startsWith(table + "_")
                    ? name.substring(0, table.length()) + "_raw" + name.substring(table.length()) : name);
        });
    }

    /** Every statement of the common migrations, without comments, in version order. */
    private static List<String> statements() {
        URL folder = MigrationDdl.class.getClassLoader().getResource(MIGRATIONS);
        if (folder == null) {
            throw new IllegalStateException(MIGRATIONS + " is not on the classpath");
        }
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            List<String> statements = new ArrayList<>();
            for (Path file : files.sorted(Comparator.comparingInt(MigrationDdl::version)).toList()) {
                String sql = Files.readString(file).replaceAll("--[^\n]*", "");
                Arrays.stream(sql.split(";")).map(String::strip).filter(s -> !s.isEmpty()).forEach(statements::add);
            }
            return statements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int version(Path file) {
        Matcher m = VERSIONED.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalStateException("not a versioned migration: " + file);
        }
        return Integer.parseInt(m.group(1));
    }
}
