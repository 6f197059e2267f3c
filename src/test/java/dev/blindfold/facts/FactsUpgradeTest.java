package dev.blindfold.facts;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

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
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A database whose labels have no kept facts (one upgraded from before the read models, or whose rules or thresholds
 * changed) gets them from the log at start: afterwards the views show every label and verify says they agree. Its own
 * app (profile), so its database holds only this test's labels and the rebuild of everything stays small.
 */
@QuarkusTest
@TestProfile(FactsUpgradeTest.EveryBlindStepFast.class)
class FactsUpgradeTest {

    /** Blind steps under an hour are fast_blind: every label here raises a flag. */
    public static class EveryBlindStepFast implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("blindfold.audit.min-blind-ms", "3600000");
        }
    }

    @Inject
    DataSource db;

    @Inject
    FactsStartup startup;

    @Test
    void aStartWithoutKeptFactsBuildsThemFromTheLog() throws SQLException {
        Fixture f = TestData.freeText(3, 2, 2, "REVEAL_AFTER_COMMIT");
        for (String annotator : f.annotators()) {
            for (int i = 0; i < 2; i++) {
                long aid = TestData.next(annotator, f.projectId());
                TestData.commit(annotator, aid, "answer " + i);
                TestData.keep(annotator, aid);
            }
        }
        String annotators = "/api/projects/" + f.projectId() + "/audit/annotators";
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[] {"read_model_state", "label_facts", "annotator_week_facts", "answer_units",
                "answer_unit_values", "answer_values", "answer_unit_sizes", "answer_weeks", "shown_content"}) {
                s.executeUpdate("DELETE FROM " + table);
            }
        }
        Api.as(f.auditor()).get(annotators).then().statusCode(200).body("size()", equalTo(0));

        startup.onStart(null);

        Api.as(f.auditor()).get(annotators).then().statusCode(200)
                .body("size()", equalTo(2)).body("labels", everyItem(equalTo(2)));
        Api.as(f.auditor()).get("/api/projects/" + f.projectId() + "/audit/flags").then().statusCode(200)
                .body("size()", equalTo(4)).body("kind", everyItem(equalTo("fast_blind")));
        Api.as(f.auditor()).get("/api/projects/" + f.projectId() + "/audit/verify?readModels=true").then().statusCode(200)
                .body("readModels.agree", equalTo(true)).body("readModels.labels", equalTo(4));
    }
}
