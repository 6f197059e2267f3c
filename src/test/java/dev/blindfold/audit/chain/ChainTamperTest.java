package dev.blindfold.audit.chain;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.audit.chain.Chains.Row;
import dev.blindfold.provenance.chain.EventChain;
import dev.blindfold.provenance.chain.EventType;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * B5 against the database: each case builds two annotators' chains through the API, then tampers with the
 * events table as an attacker who gets past the guard would, and the verify endpoint must name the break's
 * kind, chain and seq (and the row where it shows).
 */
@QuarkusTest
class ChainTamperTest {

    private static final int ITEMS = 3;

    @Inject
    AgroalDataSource db;

    private Fixture f;
    private long first;
    private long second;

    @BeforeEach
    void labelTwoChains() {
        f = TestData.freeText(ITEMS, 2, 2, "REVEAL_AFTER_COMMIT");
        for (int item = 0; item < ITEMS; item++) {
            for (String annotator : f.annotators()) {
                Chains.label(annotator, f.projectId(), item);
            }
        }
        first = Chains.userId(f.annotators().get(0));
        second = Chains.userId(f.annotators().get(1));
    }

    private JsonPath verify() {
        return Chains.verify(f.auditor(), f.projectId());
    }

    private List<Row> chain(long actor) throws Exception {
        return Chains.chain(db, f.projectId(), actor);
    }

    private static void assertOneFinding(JsonPath report, String kind, long actor, long seq, long position) {
        assertFalse(report.getBoolean("ok"), report.prettify());
        assertEquals(1, report.getList("findings").size(), report.prettify());
        assertEquals(kind, report.getString("findings[0].kind"), report.prettify());
        assertEquals(actor, report.getLong("findings[0].actorId"), report.prettify());
        assertEquals(seq, report.getLong("findings[0].seq"), report.prettify());
        assertEquals(position, report.getLong("findings[0].position"), report.prettify());
    }

    @Test
    void untouchedChainsVerifyOk() throws Exception {
        JsonPath report = verify();
        assertTrue(report.getBoolean("ok"), report.prettify());
        assertEquals(List.of(), report.getList("findings"));
        assertEquals(f.projectId(), report.getLong("projectId"));
        assertEquals(2, report.getLong("chains"));
        assertEquals(chain(first).size() + chain(second).size(), report.getLong("events"));
        assertTrue(chain(first).size() >= 15, "commits, reveals, finals, ratings and client events: " + chain(first).size());
        assertTrue(report.getString("verifiedAt").endsWith("Z"));
        assertTrue(report.getLong("millis") >= 0);
    }

    @Test
    void oneChangedByteInAPayloadIsReportedAsChangedAtThatEvent() throws Exception {
        Row committed = chain(second).stream().filter(r -> r.type().equals("BLIND_COMMITTED")).skip(1).findFirst().orElseThrow();
        String altered = committed.payload().replace("blind answer", "blind answEr");
        Chains.asAttacker(db, c -> assertEquals(1, Chains.update(c, "UPDATE events SET payload = ? WHERE id = ?",
                altered, committed.id())));
        assertOneFinding(verify(), "CHANGED", second, committed.seq(), committed.id());
    }

    @Test
    void anEventTypeBlindfoldNeverWritesIsReportedAsChangedNotAServerError() throws Exception {
        Row shown = chain(second).stream().filter(r -> r.type().equals("ITEM_SHOWN")).skip(1).findFirst().orElseThrow();
        Chains.asAttacker(db, c -> assertEquals(1, Chains.update(c, "UPDATE events SET type = ? WHERE id = ?",
                "FORGED_TYPE", shown.id())));
        assertOneFinding(verify(), "CHANGED", second, shown.seq(), 0);
    }

    @Test
    void aDeletedEventIsReportedAsDeletedWhereTheGapShows() throws Exception {
        List<Row> rows = chain(first);
        Row gone = rows.get(6);
        Chains.asAttacker(db, c -> assertEquals(1, Chains.update(c, "DELETE FROM events WHERE id = ?", gone.id())));
        JsonPath report = verify();
        assertOneFinding(report, "DELETED", first, gone.seq(), rows.get(7).id());
        assertTrue(report.getString("findings[0].detail").contains("seq " + gone.seq() + " missing"), report.prettify());
    }

    @Test
    void aForgedEventWithACorrectHashInsertedMidChainIsReportedAsInserted() throws Exception {
        List<Row> rows = chain(second);
        Row before = rows.get(4);
        long at = before.seq() + 1;
        EventChain.Entry forged = new EventChain.Entry(f.projectId(), second, before.assignmentId(), at,
                EventType.FOCUS_LOST, before.serverTime().plusMillis(1), null, true, "{}");
        String hash = EventChain.hash(before.hash(), EventChain.canonical(forged));
        long[] forgedId = new long[1];
        Chains.asAttacker(db, c -> {
            Chains.update(c, "UPDATE events SET seq = -seq WHERE project_id = ? AND actor_id = ? AND seq >= ?",
                    f.projectId(), second, at);
            Chains.update(c, "UPDATE events SET seq = 1 - seq WHERE project_id = ? AND actor_id = ? AND seq < 0",
                    f.projectId(), second);
            forgedId[0] = Chains.nextEventId(c);
            assertEquals(1, Chains.update(c, "INSERT INTO events (id, project_id, actor_id, assignment_id, seq, type,"
                            + " server_time, client_time, client_claimed, payload, prev_hash, hash)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, TRUE, ?, ?, ?)", forgedId[0], f.projectId(), second,
                    forged.assignmentId(), at, forged.type().name(), forged.serverTime().atOffset(ZoneOffset.UTC),
                    forged.payload(), before.hash(), hash));
        });
        assertEquals(rows.size() + 1, chain(second).size());
        assertOneFinding(verify(), "INSERTED", second, at, forgedId[0]);
    }

    @Test
    void twoEventsWithTheirSeqsSwappedAreReportedAsReordered() throws Exception {
        List<Row> rows = chain(first);
        Row a = rows.get(9);
        Row b = rows.get(10);
        Chains.asAttacker(db, c -> {
            Chains.update(c, "UPDATE events SET seq = -1 WHERE id = ?", a.id());
            Chains.update(c, "UPDATE events SET seq = ? WHERE id = ?", a.seq(), b.id());
            Chains.update(c, "UPDATE events SET seq = ? WHERE id = ?", b.seq(), a.id());
        });
        assertOneFinding(verify(), "REORDERED", first, a.seq(), b.id());
    }

    @Test
    void aDroppedTailWithTheHeadRowLeftInPlaceIsReportedAsTruncated() throws Exception {
        List<Row> rows = chain(second);
        long keep = rows.size() - 3;
        Chains.asAttacker(db, c -> assertEquals(3, Chains.update(c,
                "DELETE FROM events WHERE project_id = ? AND actor_id = ? AND seq > ?", f.projectId(), second, keep)));
        JsonPath report = verify();
        assertOneFinding(report, "TRUNCATED", second, keep + 1, 0);
        assertTrue(report.getString("findings[0].detail").contains("seq " + rows.size()), report.prettify());
    }

    @Test
    void aWholeChainDeletedWithItsHeadRowIsCaughtByTheCommittedAssignments() throws Exception {
        long firstCommitted = chain(first).stream().filter(r -> r.type().equals("BLIND_COMMITTED"))
                .mapToLong(Row::assignmentId).min().orElseThrow();
        Chains.asAttacker(db, c -> {
            Chains.update(c, "DELETE FROM events WHERE project_id = ? AND actor_id = ?", f.projectId(), first);
            assertEquals(1, Chains.update(c, "DELETE FROM chain_heads WHERE project_id = ? AND actor_id = ?",
                    f.projectId(), first));
        });
        JsonPath report = verify();
        assertOneFinding(report, "MISSING_CHAIN", first, 1, 0);
        assertTrue(report.getString("findings[0].detail").contains(ITEMS + " assignments (the first: " + firstCommitted + ")"),
                report.prettify());
        assertEquals(1, report.getLong("chains"), "only the other chain is left to read");
    }

    @Test
    void verificationIsForAuditorsAndAdminsAndAnUnknownProjectIsAProblem() {
        Api.as(Api.ADMIN).get("/api/projects/" + f.projectId() + "/audit/verify").then().statusCode(200)
                .body("ok", equalTo(true));
        Api.as(f.ops()).get("/api/projects/" + f.projectId() + "/audit/verify").then().statusCode(403);
        Api.as(f.annotator()).get("/api/projects/" + f.projectId() + "/audit/verify").then().statusCode(403);
        Api.anonymous().get("/api/projects/" + f.projectId() + "/audit/verify").then().statusCode(401);
        Api.as(f.auditor()).get("/api/projects/987654321/audit/verify").then().statusCode(404)
                .contentType(containsString("application/problem+json")).body("detail", containsString("987654321"));
    }
}
