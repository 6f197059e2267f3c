package dev.blindfold.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.identity.User;
import dev.blindfold.provenance.chain.EventChain;
import dev.blindfold.provenance.chain.EventType;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Reading an annotator's log a page at a time gives exactly the events, in order, whatever the page size. */
@QuarkusTest
class AnnotatorLogTest {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    @Test
    void everyPageSizeReadsTheSameEventsInTheSameOrder() {
        Fixture f = TestData.freeText(3, 1, 1, "REVEAL_AFTER_COMMIT");
        for (int i = 0; i < 3; i++) {
            long aid = TestData.next(f.annotator(), f.projectId());
            TestData.commit(f.annotator(), aid, "answer " + i);
            TestData.keep(f.annotator(), aid);
        }
        long annotator = id(f.annotator());
        List<String> whole = read(annotator, 1_000);
        assertEquals(9, whole.size(), "shown, committed, final for three items: " + whole);
        for (int page : List.of(1, 2, 3, 4, 8)) {
            assertEquals(whole, read(annotator, page), "page size " + page);
        }
    }

    @Test
    void eventsSharingOneInstantAcrossAPageBoundaryAreReadOnce() throws Exception {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        long annotator = id(f.annotator());
        // A chain of its own (another project of the same annotator), hashed as EventLog would, so the
        // database keeps only valid chains.
        long other = dev.blindfold.support.Api.as(f.ops()).body(java.util.Map.of("name", TestData.unique("other"),
                "taskType", "FREE_TEXT", "overlap", 1, "guidelines", "")).post("/api/projects").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Instant same = Instant.parse("2030-01-01T00:00:00Z");
        String prev = EventChain.GENESIS;
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into events (id, project_id, actor_id, assignment_id, seq,"
                     + " type, server_time, client_time, client_claimed, payload, prev_hash, hash)"
                     + " values (?, ?, ?, ?, ?, ?, ?, null, false, ?, ?, ?)");
             PreparedStatement head = c.prepareStatement("insert into chain_heads (project_id, actor_id, seq, hash)"
                     + " values (?, ?, ?, ?)")) {
            for (int seq = 1; seq <= 5; seq++) {
                EventChain.Entry entry = new EventChain.Entry(other, annotator, aid, seq, EventType.ITEM_SHOWN, same, null,
                        false, EventChain.canonicalJson(java.util.Map.of("position", seq, "resumed", true)));
                String hash = EventChain.hash(prev, EventChain.canonical(entry));
                insert.setLong(1, 9_000_000_000L + aid * 10 + seq);
                insert.setLong(2, other);
                insert.setLong(3, annotator);
                insert.setLong(4, aid);
                insert.setLong(5, seq);
                insert.setString(6, entry.type().name());
                insert.setObject(7, same.atOffset(ZoneOffset.UTC));
                insert.setString(8, entry.payload());
                insert.setString(9, prev);
                insert.setString(10, hash);
                insert.executeUpdate();
                prev = hash;
            }
            head.setLong(1, other);
            head.setLong(2, annotator);
            head.setLong(3, 5);
            head.setString(4, prev);
            head.executeUpdate();
        }
        List<String> whole = read(annotator, 1_000);
        assertEquals(6, whole.size(), "ITEM_SHOWN and five events at one instant: " + whole);
        for (int page : List.of(1, 2, 3, 5)) {
            assertEquals(whole, read(annotator, page), "page size " + page);
        }
    }

    private List<String> read(long annotator, int page) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> events = new ArrayList<>();
            new AnnotatorLog(em, json, annotator, page).forEach(e -> events.add(e.type() + "@" + e.serverTime()
                    + "#" + e.assignmentId()));
            return events;
        });
    }

    private static long id(String username) {
        return QuarkusTransaction.requiringNew().call(() -> User.byUsername(username).orElseThrow().id);
    }
}
