package dev.blindfold.support;

import dev.blindfold.provenance.chain.EventChain;
import dev.blindfold.provenance.chain.EventType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Server events written by batched JDBC exactly as {@code EventLog} appends them: one hash chain per project and
 * actor, each event's hash over its canonical form and the chain's previous hash, ids taken in order from a block
 * the caller reserved ({@link Sequences}). {@link #heads} then writes each chain's head, as the log keeps it.
 */
public final class ChainRows implements AutoCloseable {

    private static final class Chain {
        long seq;
        String hash = EventChain.GENESIS;
    }

    private final PreparedStatement insert;
    private final long projectId;
    private final long firstId;
    private final Map<Long, Chain> chains = new LinkedHashMap<>();
    private int written;

    public ChainRows(Connection c, long projectId, long firstId) throws SQLException {
        this.insert = c.prepareStatement("insert into events (id, project_id, actor_id, assignment_id, seq, type,"
                + " server_time, client_time, client_claimed, payload, prev_hash, hash)"
                + " values (?, ?, ?, ?, ?, ?, ?, null, false, ?, ?, ?)");
        this.projectId = projectId;
        this.firstId = firstId;
    }

    /** Adds a server event (no client time) of the actor's chain to the batch. */
    public void append(long actorId, long assignmentId, EventType type, Instant at, Object payload) throws SQLException {
        Chain chain = chains.computeIfAbsent(actorId, a -> new Chain());
        long seq = ++chain.seq;
        EventChain.Entry entry = new EventChain.Entry(projectId, actorId, assignmentId, seq, type, at, null, false,
                EventChain.canonicalJson(payload));
        String hash = EventChain.hash(chain.hash, EventChain.canonical(entry));
        insert.setLong(1, firstId + written);
        insert.setLong(2, projectId);
        insert.setLong(3, actorId);
        insert.setLong(4, assignmentId);
        insert.setLong(5, seq);
        insert.setString(6, type.name());
        insert.setObject(7, at.atOffset(ZoneOffset.UTC));
        insert.setString(8, entry.payload());
        insert.setString(9, chain.hash);
        insert.setString(10, hash);
        insert.addBatch();
        chain.hash = hash;
        written++;
    }

    public void executeBatch() throws SQLException {
        insert.executeBatch();
    }

    /** Events added so far. */
    public int written() {
        return written;
    }

    /** Writes every chain's head (its last seq and hash) into {@code chain_heads}. */
    public void heads(Connection c) throws SQLException {
        try (PreparedStatement head = c.prepareStatement("insert into chain_heads (project_id, actor_id, seq, hash)"
                + " values (?, ?, ?, ?)")) {
            for (Map.Entry<Long, Chain> chain : chains.entrySet()) {
                head.setLong(1, projectId);
                head.setLong(2, chain.getKey());
                head.setLong(3, chain.getValue().seq);
                head.setString(4, chain.getValue().hash);
                head.addBatch();
            }
            head.executeBatch();
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
