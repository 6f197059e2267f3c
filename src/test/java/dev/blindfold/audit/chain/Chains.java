package dev.blindfold.audit.chain;

import dev.blindfold.identity.User;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Test helpers around a project's chains: the verify endpoint, an annotator's chain as stored, and an
 * attacker's JDBC session that gets past the append-only guard (PostgreSQL: a superuser session with
 * {@code session_replication_role = replica}; H2: the trigger dropped, and recreated afterwards).
 */
public final class Chains {

    /** One stored event row. */
    public record Row(long id, long seq, String type, Long assignmentId, Instant serverTime, String payload, String prevHash,
               String hash) {
    }

    /** Statements an attacker runs on a connection the guard no longer stops. */
    public interface Tamper {
        void run(Connection c) throws SQLException;
    }

    private Chains() {
    }

    public static JsonPath verify(String reader, long projectId) {
        return Api.as(reader).get("/api/projects/" + projectId + "/audit/verify").then().statusCode(200)
                .extract().jsonPath();
    }

    public static long userId(String username) {
        return QuarkusTransaction.requiringNew().call(() -> User.byUsername(username).orElseThrow().id);
    }

    /** The annotator's chain in the project, in seq order. */
    public static List<Row> chain(DataSource db, long projectId, long actorId) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, seq, type, assignment_id, server_time, payload, prev_hash,"
                     + " hash FROM events WHERE project_id = ? AND actor_id = ? ORDER BY seq")) {
            s.setLong(1, projectId);
            s.setLong(2, actorId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long aid = r.getLong(4);
                    rows.add(new Row(r.getLong(1), r.getLong(2), r.getString(3), r.wasNull() ? null : aid,
                            r.getObject(5, OffsetDateTime.class).toInstant(), r.getString(6), r.getString(7), r.getString(8)));
                }
            }
        }
        return rows;
    }

    public static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    /** Runs {@code tamper} on a connection that bypasses the guard, and puts the guard back afterwards. */
    public static void asAttacker(DataSource db, Tamper tamper) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            boolean pg = postgres(c);
            s.execute(pg ? "SET session_replication_role = replica" : "DROP TRIGGER events_append_only");
            try {
                tamper.run(c);
            } finally {
                s.execute(pg ? "SET session_replication_role = origin" : "CREATE TRIGGER events_append_only"
                        + " BEFORE UPDATE, DELETE ON events FOR EACH ROW CALL 'dev.blindfold.provenance.H2AppendOnlyTrigger'");
            }
        }
    }

    /** As an attacker: replaces {@code from} by {@code to} in the payload of the actor's first BLIND_COMMITTED event. */
    public static void changeFirstCommit(DataSource db, long projectId, long actorId, String from, String to) throws SQLException {
        Row committed = chain(db, projectId, actorId).stream().filter(r -> r.type().equals("BLIND_COMMITTED"))
                .findFirst().orElseThrow();
        asAttacker(db, c -> update(c, "UPDATE events SET payload = ? WHERE id = ?", committed.payload().replace(from, to),
                committed.id()));
    }

    /** A fresh id from the events sequence, so an inserted row never collides with the app's. */
    public static long nextEventId(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery(postgres(c) ? "SELECT nextval('events_seq')" : "SELECT NEXT VALUE FOR events_SEQ")) {
            r.next();
            return r.getLong(1);
        }
    }

    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }

    /** Labels the annotator's next item: client events, commit, then (by {@code item} mod 3) reveal and keep, keep blind, or reveal, revise and rate. */
    public static void label(String annotator, long projectId, int item) {
        long aid = TestData.next(annotator, projectId);
        String events = item % 2 == 0 ? "FIRST_INPUT" : "FOCUS_LOST";
        Api.as(annotator).body(List.of(Map.of("type", events, "clientTime", "2026-01-01T00:00:00Z"),
                        Map.of("type", "PASTE", "clientTime", 1767225600123L, "data", Map.of("chars", 7 + item))))
                .post("/api/assignments/" + aid + "/events").then().statusCode(202);
        TestData.commit(annotator, aid, "blind answer " + item + " by " + annotator);
        switch (item % 3) {
            case 0 -> {
                Api.as(annotator).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
                TestData.keep(annotator, aid);
            }
            case 1 -> TestData.keep(annotator, aid);
            default -> {
                Api.as(annotator).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
                Api.as(annotator).body(Map.of("decision", "REVISE", "answer", "revised " + item, "ratings", Map.of("A", 3)))
                        .post("/api/assignments/" + aid + "/final").then().statusCode(200);
            }
        }
    }
}
