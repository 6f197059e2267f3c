package dev.blindfold.support;

import dev.blindfold.facts.FactRebuild;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import dev.blindfold.provenance.chain.EventChain;
import dev.blindfold.provenance.chain.EventType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Data the API no longer lets in, written straight to the tables as older versions stored it: a blind commit whose
 * answer holds a lone surrogate. The payload keeps it as a JSON escape ({@code "x\ud800"}, plain ASCII, which both
 * databases store as is) and the event's hash is the one the old code computed, over UTF-8 bytes in which
 * {@code String.getBytes} had written {@code ?} for the surrogate.
 */
public final class LegacyText {

    /** An answer that is not valid Unicode, as the JSON escape a client sent. */
    public static final String ESCAPED_ANSWER = "legacy answer \\ud800";

    private LegacyText() {
    }

    /** Commits {@code assignmentId} (shown, not yet committed) with {@link #ESCAPED_ANSWER}, as old code would have. */
    public static void commit(DataSource dataSource, long assignmentId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long projectId;
            long actorId;
            try (PreparedStatement s = c.prepareStatement("SELECT project_id, annotator_id FROM assignments WHERE id = ?")) {
                s.setLong(1, assignmentId);
                ResultSet r = s.executeQuery();
                r.next();
                projectId = r.getLong(1);
                actorId = r.getLong(2);
            }
            long seq;
            String prev;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT seq, hash FROM chain_heads WHERE project_id = ? AND actor_id = ? FOR UPDATE")) {
                s.setLong(1, projectId);
                s.setLong(2, actorId);
                ResultSet r = s.executeQuery();
                r.next();
                seq = r.getLong(1) + 1;
                prev = r.getString(2);
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            String payload = "{\"answer\":\"" + ESCAPED_ANSWER + "\"}";
            String canonical = EventChain.canonical(new EventChain.Entry(projectId, actorId, assignmentId, seq,
                    EventType.BLIND_COMMITTED, now, null, false, payload));
            String hash = lossyHash(prev, canonical);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO events (id, project_id, actor_id, assignment_id, seq,"
                    + " type, server_time, client_time, client_claimed, payload, prev_hash, hash)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, FALSE, ?, ?, ?)")) {
                s.setLong(1, ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 2_000_000_000_000L));
                s.setLong(2, projectId);
                s.setLong(3, actorId);
                s.setLong(4, assignmentId);
                s.setLong(5, seq);
                s.setString(6, EventType.BLIND_COMMITTED.name());
                s.setTimestamp(7, Timestamp.from(now));
                s.setString(8, payload);
                s.setString(9, prev);
                s.setString(10, hash);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE chain_heads SET seq = ?, hash = ? WHERE project_id = ? AND actor_id = ?")) {
                s.setLong(1, seq);
                s.setString(2, hash);
                s.setLong(3, projectId);
                s.setLong(4, actorId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO blind_answers (assignment_id, answer, committed_at) VALUES (?, ?, ?)")) {
                s.setLong(1, assignmentId);
                s.setString(2, "legacy answer ?");
                s.setTimestamp(3, Timestamp.from(now));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE assignments SET status = 'COMMITTED' WHERE id = ?")) {
                s.setLong(1, assignmentId);
                s.executeUpdate();
            }
            c.commit();
            // Written past the read models, as old code would have: rebuild the project's facts, as an upgrade does.
            FactRebuild facts = Arc.container().instance(FactRebuild.class).get();
            QuarkusTransaction.requiringNew().run(() -> facts.rebuild(projectId));
        }
    }

    /** SHA-256 over the previous hash and the canonical form's bytes, with '?' for a lone surrogate, as before. */
    private static String lossyHash(String prevHex, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(HexFormat.of().parseHex(prevHex));
            sha.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
