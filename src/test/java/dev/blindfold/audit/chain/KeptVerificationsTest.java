package dev.blindfold.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every full verification ({@code /audit/verify}) keeps its outcome in {@code verifications}, broken ones with their
 * findings, and a project keeps only its last {@link KeptVerifications#KEPT}.
 */
@QuarkusTest
class KeptVerificationsTest {

    /** One kept row. */
    record Kept(long id, boolean ok, long events, long chains, String findings) {
    }

    @Inject
    DataSource db;

    private List<Kept> kept(long projectId) throws SQLException {
        List<Kept> rows = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, ok, events, chains, findings FROM verifications"
                     + " WHERE project_id = ? ORDER BY id")) {
            s.setLong(1, projectId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Kept(r.getLong(1), r.getBoolean(2), r.getLong(3), r.getLong(4), r.getString(5)));
                }
            }
        }
        return rows;
    }

    @Test
    void eachVerificationIsKeptWithItsOutcomeAndFindings() throws Exception {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        Chains.label(f.annotator(), f.projectId(), 0);
        long actor = Chains.userId(f.annotator());
        long events = Chains.chain(db, f.projectId(), actor).size();
        assertEquals(List.of(), kept(f.projectId()), "nothing kept before the first verification");

        JsonPath verified = Chains.verify(f.auditor(), f.projectId());
        assertTrue(verified.getBoolean("ok"), verified.prettify());
        assertEquals(events, verified.getLong("events"));
        List<Kept> rows = kept(f.projectId());
        assertEquals(1, rows.size(), rows.toString());
        assertEquals(new Kept(rows.get(0).id(), true, events, 1, "[]"), rows.get(0));

        Chains.changeFirstCommit(db, f.projectId(), actor, "blind answer", "better answer");
        JsonPath broken = Chains.verify(f.auditor(), f.projectId());
        assertFalse(broken.getBoolean("ok"), broken.prettify());
        rows = kept(f.projectId());
        assertEquals(2, rows.size(), rows.toString());
        Kept last = rows.get(1);
        assertFalse(last.ok());
        assertEquals(events, last.events());
        JsonPath findings = JsonPath.from(last.findings());
        assertEquals(List.of("CHANGED"), findings.getList("kind"), last.findings());
        assertEquals(broken.getList("findings.detail"), findings.getList("detail"), "the findings as reported");
        assertEquals(List.of(actor), findings.getList("actorId", Long.class));
    }

    @Test
    void aProjectKeepsItsLastTwentyVerifications() throws Exception {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        Fixture other = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        Chains.verify(other.auditor(), other.projectId());
        for (int i = 0; i < KeptVerifications.KEPT + 3; i++) {
            Chains.verify(f.auditor(), f.projectId());
        }

        List<Kept> rows = kept(f.projectId());
        assertEquals(KeptVerifications.KEPT, rows.size(), "older ones deleted as new ones are kept");
        assertEquals(1, kept(other.projectId()).size(), "another project's verifications are its own");
        Chains.verify(f.auditor(), f.projectId());
        List<Kept> after = kept(f.projectId());
        assertEquals(rows.subList(1, rows.size()), after.subList(0, after.size() - 1), "the oldest went, the newest came");
    }
}
