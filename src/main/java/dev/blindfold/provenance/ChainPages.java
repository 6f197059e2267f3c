package dev.blindfold.provenance;

import dev.blindfold.provenance.chain.ChainId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One chain's stored events in seq order, a page at a time, over plain JDBC. Each page is a range of the unique index
 * {@code events_chain_uq (project_id, actor_id, seq)}: equality on the chain, {@code seq > after}, {@code seq <= upTo},
 * in index order, so a page costs its own rows however long the chain and whatever the statistics say. The same
 * constraint makes seq alone a complete keyset: no two events of one chain share a seq. Nothing is kept per row.
 */
public final class ChainPages {

    /** Columns of {@link #PAGE}, as the row handed to {@link Rows#next} has them. */
    public static final int ID = 1;
    public static final int ASSIGNMENT_ID = 2;
    public static final int SEQ = 3;
    public static final int TYPE = 4;
    public static final int SERVER_TIME = 5;
    public static final int CLIENT_TIME = 6;
    public static final int CLIENT_CLAIMED = 7;
    public static final int PAYLOAD = 8;
    public static final int PREV_HASH = 9;
    public static final int HASH = 10;

    public static final String PAGE = "SELECT id, assignment_id, seq, type, server_time, client_time, client_claimed,"
            + " payload, prev_hash, hash FROM events WHERE project_id = ? AND actor_id = ? AND seq > ? AND seq <= ?"
            + " ORDER BY seq LIMIT ?";

    /** Takes one row, positioned on it; false stops reading the chain. */
    public interface Rows {
        boolean next(ResultSet row) throws SQLException;
    }

    private ChainPages() {
    }

    /** Hands {@code rows} the chain's events with seq at most {@code upToSeq}, in seq order, {@code pageSize} a query. */
    public static void read(Connection c, ChainId chain, long upToSeq, int pageSize, Rows rows) throws SQLException {
        try (PreparedStatement page = c.prepareStatement(PAGE)) {
            page.setLong(1, chain.projectId());
            page.setLong(2, chain.actorId());
            page.setLong(4, upToSeq);
            page.setInt(5, pageSize);
            long after = Long.MIN_VALUE;
            int read = pageSize;
            while (read == pageSize) {
                page.setLong(3, after);
                read = 0;
                try (ResultSet r = page.executeQuery()) {
                    while (r.next()) {
                        read++;
                        after = r.getLong(SEQ);
                        if (!rows.next(r)) {
                            return;
                        }
                    }
                }
            }
        }
    }
}
