package dev.blindfold.labeling;

import static org.hamcrest.Matchers.containsString;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The longest answer Blindfold accepts (blindfold.answers.max-length, 100,000 characters) is stored, event and all,
 * even when JSON escaping makes its event payload six times longer; one character more is a 400 naming the field.
 */
@QuarkusTest
class LongAnswerApiTest {

    private static final int MAX = 100_000;

    @Test
    void answersOfTheMaximumLengthAreStoredAndOneMoreIsRefused() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        Api.as(f.annotator()).body(Map.of("answer", "x".repeat(MAX + 1))).post("/api/assignments/" + aid + "/blind")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("answer"));
        TestData.commit(f.annotator(), aid, "\"".repeat(MAX));
        Api.as(f.annotator()).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
        Api.as(f.annotator()).body(Map.of("decision", "REVISE", "answer", "\u0001".repeat(MAX)))
                .post("/api/assignments/" + aid + "/final").then().statusCode(200);
        Api.as(f.auditor()).get("/api/projects/" + f.projectId() + "/audit/verify").then().statusCode(200)
                .body("ok", org.hamcrest.Matchers.equalTo(true));
    }
}
