package dev.blindfold.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.audit.chain.Chains.Row;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database verify reads each chain {@link SmallVerifyPagesProfile#PAGE} events a page: chains many pages long
 * verify whole, and a break deep in the second chain is named at its own seq, wherever it falls against a page.
 */
@QuarkusTest
@TestProfile(SmallVerifyPagesProfile.class)
class ChainPagingTest {

    private static final int PAGE = SmallVerifyPagesProfile.PAGE;

    @Inject
    AgroalDataSource db;

    private Fixture f;
    private long second;

    /** Two chains of over five pages each: an item shown, then client events in two batches. */
    @BeforeEach
    void twoLongChains() {
        f = TestData.freeText(1, 2, 2, "REVEAL_AFTER_COMMIT");
        for (String annotator : f.annotators()) {
            long aid = TestData.next(annotator, f.projectId());
            for (int batch = 0; batch < 2; batch++) {
                List<Map<String, Object>> events = new ArrayList<>();
                for (int i = 0; i < 3 * PAGE; i++) {
                    events.add(Map.of("type", i % 2 == 0 ? "FOCUS_LOST" : "FOCUS_RETURNED", "clientTime", "2026-01-01T00:00:00Z"));
                }
                Api.as(annotator).body(events).post("/api/assignments/" + aid + "/events").then().statusCode(202);
            }
        }
        second = f.annotators().stream().mapToLong(Chains::userId).max().orElseThrow();
    }

    private JsonPath verify() {
        return Chains.verify(f.auditor(), f.projectId());
    }

    private Row secondChainAt(long seq) throws Exception {
        return Chains.chain(db, f.projectId(), second).stream().filter(r -> r.seq() == seq).findFirst().orElseThrow();
    }

    private void assertOneFinding(String kind, long seq, long position) {
        JsonPath report = verify();
        assertFalse(report.getBoolean("ok"), report.prettify());
        assertEquals(1, report.getList("findings").size(), report.prettify());
        assertEquals(kind, report.getString("findings[0].kind"), report.prettify());
        assertEquals(second, report.getLong("findings[0].actorId"), report.prettify());
        assertEquals(seq, report.getLong("findings[0].seq"), report.prettify());
        assertEquals(position, report.getLong("findings[0].position"), report.prettify());
    }

    @Test
    void chainsManyPagesLongVerifyWhole() throws Exception {
        long length = Chains.chain(db, f.projectId(), second).size();
        assertTrue(length > 5 * PAGE, "chain of " + length + " events");
        JsonPath report = verify();
        assertTrue(report.getBoolean("ok"), report.prettify());
        assertEquals(2, report.getLong("chains"));
        assertEquals(2 * length, report.getLong("events"));
    }

    @Test
    void aChangedEventInTheThirdPageOfTheSecondChainIsFoundAtItsSeq() throws Exception {
        Row changed = secondChainAt(2 * PAGE + 2);
        Chains.asAttacker(db, c -> assertEquals(1, Chains.update(c, "UPDATE events SET client_claimed = ? WHERE id = ?",
                false, changed.id())));
        assertOneFinding("CHANGED", changed.seq(), changed.id());
    }

    @Test
    void anEventDeletedAtTheEndOfAPageIsFoundAtItsSeq() throws Exception {
        Row gone = secondChainAt(2 * PAGE);
        Row after = secondChainAt(2 * PAGE + 1);
        Chains.asAttacker(db, c -> assertEquals(1, Chains.update(c, "DELETE FROM events WHERE id = ?", gone.id())));
        assertOneFinding("DELETED", gone.seq(), after.id());
    }
}
