package dev.blindfold.facts;

import dev.blindfold.web.DatabaseKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Adds to counters of kept tables: one statement that creates the row with the deltas as its values or adds them
 * to it (PostgreSQL {@code INSERT … ON CONFLICT DO UPDATE}, which waits for a transaction inserting the same key; H2
 * {@code MERGE}, which does not, so H2 callers serialise first: {@link FactStore#write}). Either way the row stays
 * locked until the transaction ends.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Sums {

    /** Shards of a project-wide tally row (V16). */
    static final int SHARDS = 16;

    private final EntityManager em;
    private final DirectSql sql;
    private volatile Boolean postgres;

    Sums(EntityManager em, DirectSql sql) {
        this.em = em;
        this.sql = sql;
    }

    /** Adds {@code deltas} to the {@code columns} of the row of {@code table} whose {@code keyColumns} are {@code keys}. */
    void add(String table, List<String> keyColumns, List<Object> keys, List<String> columns, long[] deltas) {
        add(table, keyColumns, keys, columns, java.util.Arrays.stream(deltas).boxed().toList());
    }

    /** As {@link #add(String, List, List, List, long[])}, for deltas of any integer type (NUMERIC columns). */
    public void add(String table, List<String> keyColumns, List<Object> keys, List<String> columns,
                    List<? extends Number> deltas) {
        String all = String.join(", ", keyColumns) + ", " + String.join(", ", columns);
        String marks = String.join(", ", java.util.Collections.nCopies(keyColumns.size() + columns.size(), "?"));
        String statement;
        if (postgres()) {
            statement = "INSERT INTO " + table + " AS t (" + all + ") VALUES (" + marks + ") ON CONFLICT ("
                    + String.join(", ", keyColumns) + ") DO UPDATE SET "
                    + columns.stream().map(c -> c + " = t." + c + " + EXCLUDED." + c).collect(Collectors.joining(", "));
        } else {
            statement = "MERGE INTO " + table + " t USING (VALUES (" + marks + ")) s (" + all + ") ON ("
                    + keyColumns.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "))
                    + ") WHEN MATCHED THEN UPDATE SET "
                    + columns.stream().map(c -> c + " = t." + c + " + s." + c).collect(Collectors.joining(", "))
                    + " WHEN NOT MATCHED THEN INSERT (" + all + ") VALUES ("
                    + java.util.stream.Stream.concat(keyColumns.stream(), columns.stream()).map(c -> "s." + c)
                    .collect(Collectors.joining(", ")) + ")";
        }
        List<Object> parameters = new ArrayList<>(keys);
        parameters.addAll(deltas);
        sql.update(statement, parameters);
    }

    /**
     * The shard of a project-wide tally row that a change of {@code itemId} adds to: commits on items of different
     * shards do not wait for each other on that row; a change of one item takes the same shard's rows every time.
     * Readers sum the shards.
     */
    public static short shard(long itemId) {
        return (short) Math.floorMod(itemId, SHARDS);
    }

    public boolean postgres() {
        if (postgres == null) {
            postgres = DatabaseKind.postgres(em);
        }
        return postgres;
    }
}
