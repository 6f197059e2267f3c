package dev.blindfold.facts;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * {@code /audit/verify?readModels=true} says whether what the views read agrees with the log: it does after labeling,
 * and a kept fact changed behind the log's back is named; without the parameter nothing is reclassified, and a value
 * other than true or false is a 400 problem.
 */
@QuarkusTest
class ReadModelVerifyTest {

    @Inject
    DataSource db;


    @Test
    void verifySaysWhetherTheReadModelsAgreeWithTheLog() throws SQLException {
        Fixture f = TestData.freeText(3, 2, 2, "REVEAL_AFTER_COMMIT");
        long changed = 0;
        for (String annotator : f.annotators()) {
            for (int i = 0; i < 2; i++) {
                long aid = TestData.next(annotator, f.projectId());
                TestData.commit(annotator, aid, "answer " + i);
                Api.as(annotator).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
                Api.as(annotator).body(Map.of("decision", "REVISE", "answer", "better " + i))
                        .post("/api/assignments/" + aid + "/final").then().statusCode(200);
                changed = aid;
            }
        }
        String verify = "/api/projects/" + f.projectId() + "/audit/verify";
        Api.as(f.auditor()).get(verify).then().statusCode(200).body("ok", equalTo(true)).body("readModels", nullValue());
        Api.as(f.auditor()).get(verify + "?readModels=true").then().statusCode(200)
                .body("readModels.agree", equalTo(true)).body("readModels.labels", equalTo(4));

        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE label_facts SET exposure = 'blind_kept' WHERE assignment_id = ?")) {
            s.setLong(1, changed);
            s.executeUpdate();
        }
        Api.as(f.auditor()).get(verify + "?readModels=true").then().statusCode(200)
                .body("ok", equalTo(true))
                .body("readModels.agree", equalTo(false))
                .body("readModels.differences", hasItem(containsString("label " + changed + ":")));

        Api.as(f.auditor()).get(verify + "?readModels=maybe").then().statusCode(400)
                .contentType("application/problem+json").body("type", containsString("invalid-read-models"));

    }
}
