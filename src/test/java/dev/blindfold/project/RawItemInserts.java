package dev.blindfold.project;

import dev.blindfold.support.MigrationDdl;
import dev.blindfold.support.Sequences;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * The limit ImportBench compares an import with: the same item and draft rows inserted by plain batched JDBC into
 * {@code items_raw} and {@code drafts_raw}, scratch tables with the columns, keys, references and indexes of
 * {@code items} and {@code drafts}, made by the migrations' own DDL ({@link MigrationDdl}), in one transaction,
 * {@value ImportWriter#CHUNK} items a batch. No parsing, no checks, no duplicate probe: only what the database must do
 * to store the rows.
 *
 * <p>{@link #intoProjects} writes the same rows into the real {@code items} and {@code drafts}, ids from their
 * sequences, for benchmarks that need a large project fast; the queue's kept counts then need
 * {@link QueueCounts#rebuild}.
 */
public final class RawItemInserts {

    /** One item as the bench generates it: its externalId, input and two drafts' texts. */
    public record Row(String externalId, String input, String draftA, String draftB) {
    }

    private final DataSource dataSource;
    private final String items;
    private final String drafts;
    private final boolean fromSequences;
    private long nextId = 1;

    public RawItemInserts(DataSource dataSource) {
        this(dataSource, "items_raw", "drafts_raw", false);
    }

    private RawItemInserts(DataSource dataSource, String items, String drafts, boolean fromSequences) {
        this.dataSource = dataSource;
        this.items = items;
        this.drafts = drafts;
        this.fromSequences = fromSequences;
    }

    /** Inserts into a project's real {@code items} and {@code drafts}, ids reserved from their sequences. */
    public static RawItemInserts intoProjects(DataSource dataSource) {
        return new RawItemInserts(dataSource, "items", "drafts", true);
    }

    /** Creates empty {@code items_raw} and {@code drafts_raw}, dropping earlier ones. */
    public void createTables() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : MigrationDdl.scratchTables("items", "drafts")) {
                s.execute(sql);
            }
        }
    }

    /** Inserts rows 1..count of {@code rows} for the project, in one transaction; returns the seconds it took. */
    public double insert(long projectId, int count, IntFunction<Row> rows) throws SQLException {
        long start = System.nanoTime();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection();
             PreparedStatement items = c.prepareStatement("INSERT INTO " + this.items + " (id, project_id, external_id,"
                     + " input, metadata, created_at) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement drafts = c.prepareStatement("INSERT INTO " + this.drafts + " (id, item_id, model, family,"
                     + " version, text) VALUES (?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            LongSupplier itemIds = ids(c, "items_SEQ", count);
            LongSupplier draftIds = ids(c, "drafts_SEQ", 2L * count);
            for (int n = 1; n <= count; n++) {
                Row row = rows.apply(n);
                long itemId = itemIds.getAsLong();
                items.setLong(1, itemId);
                items.setLong(2, projectId);
                items.setString(3, row.externalId());
                items.setString(4, row.input());
                items.setString(5, null);
                items.setTimestamp(6, now);
                items.addBatch();
                addDraft(drafts, draftIds.getAsLong(), itemId, "model-a", "fam-a", row.draftA());
                addDraft(drafts, draftIds.getAsLong(), itemId, "model-b", "fam-b", row.draftB());
                if (n % ImportWriter.CHUNK == 0 || n == count) {
                    items.executeBatch();
                    drafts.executeBatch();
                }
            }
            c.commit();
            c.setAutoCommit(true);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Scratch tables share one counter from 1; real ones take a reserved block of their own sequence. */
    private LongSupplier ids(Connection c, String sequence, long count) throws SQLException {
        if (!fromSequences) {
            return () -> nextId++;
        }
        long[] next = {Sequences.reserve(c, sequence, count)};
        return () -> next[0]++;
    }

    private static void addDraft(PreparedStatement drafts, long draftId, long itemId, String model, String family,
                                 String text) throws SQLException {
        drafts.setLong(1, draftId);
        drafts.setLong(2, itemId);
        drafts.setString(3, model);
        drafts.setString(4, family);
        drafts.setString(5, "v1");
        drafts.setString(6, text);
        drafts.addBatch();
    }
}
