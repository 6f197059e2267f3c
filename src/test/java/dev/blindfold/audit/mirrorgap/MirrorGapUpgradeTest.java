package dev.blindfold.audit.mirrorgap;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A database without a kept mirror gap (one upgraded from before V15) gets it counted at start: the mirror gap shows
 * what it showed when kept, and verify says the kept tables agree. Its own app (profile), so the count at start covers
 * only this test's project.
 */
@QuarkusTest
@TestProfile(MirrorGapUpgradeTest.OwnDatabase.class)
class MirrorGapUpgradeTest {

    /** A profile of its own: the app starts again on a clean database. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("blindfold.audit.bootstrap-resamples", "500");
        }
    }

    @Inject
    DataSource db;

    @Inject
    MirrorGapStartup startup;

    @Test
    void aStartWithoutAKeptMirrorGapCountsItFromTheAnswers() throws SQLException {
        Fixture f = TestData.freeText(3, 2, 2, "REVEAL_AFTER_COMMIT");
        for (String annotator : f.annotators()) {
            for (int i = 0; i < 3; i++) {
                long aid = TestData.next(annotator, f.projectId());
                TestData.commit(annotator, aid, "answer " + i);
                TestData.keep(annotator, aid);
            }
        }
        String gap = "/api/projects/" + f.projectId() + "/audit/mirror-gap";
        String verify = "/api/projects/" + f.projectId() + "/audit/verify?readModels=true";
        List<Map<String, Object>> kept = Api.as(f.auditor()).get(gap).then().statusCode(200).extract().jsonPath().getList("$");
        // The fixture gives each item drafts of two families of its own: six families, each with one scored item.
        assertEquals(6, kept.size(), kept.toString());
        assertTrue(kept.stream().allMatch(row -> ((Number) row.get("items")).intValue() == 1), "scored items: " + kept);
        Api.as(f.auditor()).get(verify).then().statusCode(200).body("readModels.agree", equalTo(true));

        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM mirror_gap_items");
            s.executeUpdate("DELETE FROM mirror_gap_families");
            s.executeUpdate("UPDATE project_families SET items = 0");
            s.executeUpdate("DELETE FROM read_model_state WHERE name = 'mirror_gap'");
        }
        Api.as(f.auditor()).get(verify).then().statusCode(200).body("readModels.agree", equalTo(false));

        startup.onStart(null);

        assertEquals(kept, Api.as(f.auditor()).get(gap).then().statusCode(200).extract().jsonPath().getList("$"));
        Api.as(f.auditor()).get(verify).then().statusCode(200).body("readModels.agree", equalTo(true));
    }
}
