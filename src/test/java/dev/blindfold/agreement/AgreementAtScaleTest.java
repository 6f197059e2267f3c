package dev.blindfold.agreement;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.identity.User;
import dev.blindfold.support.Api;
import dev.blindfold.support.BulkLabels;
import dev.blindfold.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Agreement and gold of a project with 20,000 labels whose free-text answers are all different (10,000 items, two
 * annotators each, written by {@link BulkLabels}), in the suite's normal heap: a C×C coincidence matrix over them would
 * be 3.2 GB. Every answer differs, so every pairable unit disagrees and no two values are equal anywhere: the
 * observed and expected agreement are both 0 and alpha is exactly 0 for blind and final answers alike.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementAtScaleTest {

    private static final int ITEMS = 10_000;
    private static final int OVERLAP = 2;

    @Inject
    DataSource dataSource;

    private String ops;
    private long projectId;

    /** Once per class, but in a @BeforeEach: REST Assured knows the test port only from the first test on. */
    @BeforeEach
    void writeLabels() throws Exception {
        if (ops != null) {
            return;
        }
        ops = TestData.user("ops");
        projectId = Api.as(ops).body(Map.of("name", TestData.unique("agreement-scale"), "taskType", "FREE_TEXT",
                "overlap", OVERLAP, "guidelines", "")).post("/api/projects").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        List<Long> annotators = new ArrayList<>();
        for (int i = 0; i < OVERLAP; i++) {
            String name = TestData.user("annotator");
            Api.as(ops).body(Map.of("username", name)).post("/api/projects/" + projectId + "/members").then().statusCode(201);
            annotators.add(QuarkusTransaction.requiringNew().call(() -> User.byUsername(name).orElseThrow().id));
        }
        new BulkLabels(dataSource).write(projectId, annotators, ITEMS, OVERLAP);
        BulkLabels.keepFacts(projectId);
    }

    @Test
    void agreementOfTwentyThousandDistinctFreeTextAnswersIsZero() {
        Api.as(ops).get("/api/projects/" + projectId + "/agreement").then().statusCode(200)
                .body("units", equalTo(ITEMS))
                .body("blind.labels", equalTo(ITEMS * OVERLAP))
                .body("blind.alpha", equalTo(0.0f))
                .body("final.labels", equalTo(ITEMS * OVERLAP))
                .body("final.alpha", equalTo(0.0f))
                .body("finalEqualsDraftShare", equalTo(0.0f));
    }

    @Test
    void goldOfEveryItemIsItsTwoAnswersAsReferences() {
        JsonPath gold = Api.as(ops).get("/api/projects/" + projectId + "/gold").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        List<Map<String, Object>> rows = gold.getList("$");
        assertEquals(ITEMS, rows.size());
        Map<String, Object> last = rows.get(ITEMS - 1);
        assertEquals("bulk-" + (ITEMS - 1), last.get("externalId"));
        assertNull(last.get("gold"), "two different answers tie");
        assertTrue((Boolean) last.get("tie"));
        assertFalse((Boolean) last.get("partial"));
        assertEquals(List.of("Blind answer 9999/0: use the reset page and request a new link.",
                "Blind answer 9999/1: use the reset page and request a new link."), last.get("references"));
    }

    @Test
    void goldExportHasARowPerItem() {
        String body = Api.as(ops).get("/api/projects/" + projectId + "/export?format=jsonl&gold=true").then()
                .statusCode(200).extract().asString();
        assertEquals(ITEMS, body.lines().count());
    }

    @Test
    void dawidSkeneOnFreeTextIsAProblemNotAFailure() {
        Api.as(ops).get("/api/projects/" + projectId + "/gold?method=dawid-skene").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
