package dev.blindfold.provenance;

import dev.blindfold.provenance.chain.EventChain;
import dev.blindfold.provenance.chain.EventType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** B5: the log is append-only in the database itself, and every stored hash chains correctly. */
@QuarkusTest
class AppendOnlyLogTest {

    @Inject
    AgroalDataSource db;

    @Inject
    EventLog log;

    private long labelOneItem(Fixture f) {
        long aid = TestData.next(f.annotator(), f.projectId());
        Api.as(f.annotator()).body(List.of(Map.of("type", "PASTE", "clientTime", "2026-01-01T00:00:00Z",
                "data", Map.of("chars", 5)))).post("/api/assignments/" + aid + "/events").then().statusCode(202);
        TestData.commit(f.annotator(), aid, "hello");
        Api.as(f.annotator()).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
        TestData.keep(f.annotator(), aid);
        return aid;
    }

    @Test
    void theDatabaseRefusesUpdateAndDeleteOnTheEventTableAndTruncateOnPostgresql() throws Exception {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = labelOneItem(f);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE events SET payload = '{}' WHERE assignment_id = " + aid));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class,
                    () -> s.executeUpdate("DELETE FROM events WHERE assignment_id = " + aid));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
            if (c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                SQLException truncate = assertThrows(SQLException.class, () -> s.execute("TRUNCATE events"));
                assertTrue(truncate.getMessage().contains("append-only"), truncate.getMessage());
            }
        }
        assertEquals(5, TestData.eventTypes(f.auditor(), aid).size(), "nothing was changed or removed");
    }

    @Test
    void everyStoredEventChainsToItsPredecessorAndRecomputesToItsHash() {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        labelOneItem(f);
        labelOneItem(f);
        long annotatorId = annotatorId(f.annotator());
        List<Event> chain = log.chain(f.projectId(), annotatorId);
        assertEquals(10, chain.size());
        String prev = EventChain.GENESIS;
        for (int i = 0; i < chain.size(); i++) {
            Event e = chain.get(i);
            assertEquals(i + 1, e.seq(), "per-annotator sequence numbers have no gaps");
            assertEquals(prev, e.prevHash());
            EventChain.Entry entry = new EventChain.Entry(e.projectId(), e.actorId(), e.assignmentId(), e.seq(),
                    e.type(), e.serverTime(), e.clientTime(), e.clientClaimed(), e.payload());
            assertEquals(EventChain.hash(prev, EventChain.canonical(entry)), e.hash(), "event " + e.seq());
            prev = e.hash();
        }
        Event paste = chain.get(1);
        assertEquals(EventType.PASTE, paste.type());
        assertTrue(paste.clientClaimed());
        assertEquals("2026-01-01T00:00:00Z", paste.clientTime().toString(), "client time kept as a claim");
        assertFalse(chain.get(0).clientClaimed());
    }

    private long annotatorId(String username) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM users WHERE username = '" + username + "'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
