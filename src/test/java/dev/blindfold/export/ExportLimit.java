package dev.blindfold.export;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The physical limit ExportBench sets an export beside: the database handing over the same rows the export
 * reads, with nothing done to them. "The same rows" are two reads, timed together: the project's labels
 * (assignments committed or final) joined with their item's id, external id and input, their blind answer and
 * their final answer; and every event the exposure classification reads for them, which is each of the
 * project's annotators' whole log of assignment events (all projects, for prior exposure), in the order the
 * export reads it. On PostgreSQL both go through {@code COPY (SELECT ...) TO STDOUT} into a byte counter; on
 * H2, which has no COPY, through a plain JDBC {@code SELECT} that reads every column of every row (fetch size
 * 1,000, autocommit off).
 */
final class ExportLimit {

    /** Rows and bytes (COPY's text format; 0 for a SELECT) the two reads moved, and how long they took. */
    record Moved(String how, long labels, long events, long bytes, double seconds) {
    }

    private static final String LABELS = "SELECT a.id, a.annotator_id, i.id, i.external_id, i.input, b.answer, b.committed_at,"
            + " f.decision, f.answer, f.accepted_slot, f.ratings, f.saved_at FROM assignments a"
            + " JOIN items i ON i.id = a.item_id LEFT JOIN blind_answers b ON b.assignment_id = a.id"
            + " LEFT JOIN final_answers f ON f.assignment_id = a.id"
            + " WHERE a.project_id = %d AND a.status IN ('COMMITTED', 'FINAL') ORDER BY a.annotator_id, a.id";
    private static final String EVENTS = "SELECT e.id, e.assignment_id, e.type, e.server_time, e.client_time, e.payload,"
            + " e.project_id, e.seq FROM events e WHERE e.assignment_id IS NOT NULL AND e.actor_id IN"
            + " (SELECT DISTINCT annotator_id FROM assignments WHERE project_id = %d AND status IN ('COMMITTED', 'FINAL'))"
            + " ORDER BY e.actor_id, e.server_time, e.id";

    private final DataSource dataSource;

    ExportLimit(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Moved measure(long projectId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            long start = System.nanoTime();
            Moved moved = postgres ? copy(c, projectId) : select(c, projectId);
            return new Moved(moved.how(), moved.labels(), moved.events(), moved.bytes(), (System.nanoTime() - start) / 1e9);
        }
    }

    private static Moved copy(Connection c, long projectId) throws SQLException {
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        Counter bytes = new Counter();
        try {
            long labels = copy.copyOut("COPY (" + LABELS.formatted(projectId) + ") TO STDOUT", bytes);
            long events = copy.copyOut("COPY (" + EVENTS.formatted(projectId) + ") TO STDOUT", bytes);
            return new Moved("`COPY (SELECT …) TO STDOUT` (CopyManager)", labels, events, bytes.count, 0);
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
    }

    private static Moved select(Connection c, long projectId) throws SQLException {
        c.setAutoCommit(false);
        try {
            return new Moved("JDBC `SELECT` reading every column (H2 has no COPY)", readAll(c, LABELS.formatted(projectId)),
                    readAll(c, EVENTS.formatted(projectId)), 0, 0);
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    private static long readAll(Connection c, String sql) throws SQLException {
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(1_000);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    rows++;
                }
            }
        }
        return rows;
    }

    /** Counts what COPY writes and keeps none of it. */
    private static final class Counter extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
