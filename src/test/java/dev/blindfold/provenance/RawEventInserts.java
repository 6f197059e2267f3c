package dev.blindfold.provenance;

import dev.blindfold.support.MigrationDdl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The physical limit IngestBench compares the event route with: the same event rows, read back from
 * {@code events}, inserted by plain batched JDBC into {@code events_raw}, a scratch table with the columns,
 * keys, references and indexes of {@code events}, made by the migrations' own DDL ({@link MigrationDdl}). No hashing,
 * no chain lock, no HTTP: only what the database must do to store the rows.
 */
public final class RawEventInserts {

    /** One event row as stored, in column order. */
    record Row(long id, long projectId, long actorId, Long assignmentId, long seq, String type, OffsetDateTime serverTime,
               OffsetDateTime clientTime, boolean clientClaimed, String payload, String prevHash, String hash) {
    }

    private static final String INSERT = "INSERT INTO events_raw (id, project_id, actor_id, assignment_id, seq, type,"
            + " server_time, client_time, client_claimed, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;

    public RawEventInserts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates an empty {@code events_raw}, dropping an earlier one. */
    public void createTable() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : MigrationDdl.scratchTables("events")) {
                s.execute(sql);
            }
        }
    }

    /** The rows of one chain with seq in {@code (afterSeq, upToSeq]}, in chain order. */
    List<Row> chain(long projectId, long actorId, long afterSeq, long upToSeq) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT id, project_id,"
                + " actor_id, assignment_id, seq, type, server_time, client_time, client_claimed, payload, prev_hash, hash"
                + " FROM events WHERE project_id = ? AND actor_id = ? AND seq > ? AND seq <= ? ORDER BY seq")) {
            ps.setLong(1, projectId);
            ps.setLong(2, actorId);
            ps.setLong(3, afterSeq);
            ps.setLong(4, upToSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long aid = rs.getLong(4);
                    rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.wasNull() ? null : aid, rs.getLong(5),
                            rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class), rs.getBoolean(9), rs.getString(10),
                            rs.getString(11), rs.getString(12)));
                }
            }
        }
        return rows;
    }

    /** Inserts {@code rows} as one JDBC batch in one transaction on a connection from the pool. */
    void insertBatch(List<Row> rows) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (Row r : rows) {
                    ps.setLong(1, r.id());
                    ps.setLong(2, r.projectId());
                    ps.setLong(3, r.actorId());
                    if (r.assignmentId() == null) {
                        ps.setNull(4, Types.BIGINT);
                    } else {
                        ps.setLong(4, r.assignmentId());
                    }
                    ps.setLong(5, r.seq());
                    ps.setString(6, r.type());
                    ps.setObject(7, r.serverTime());
                    if (r.clientTime() == null) {
                        ps.setNull(8, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        ps.setObject(8, r.clientTime());
                    }
                    ps.setBoolean(9, r.clientClaimed());
                    ps.setString(10, r.payload());
                    ps.setString(11, r.prevHash());
                    ps.setString(12, r.hash());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    /** Rows in {@code events_raw}. */
    long count() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM events_raw")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
