package dev.blindfold.project;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSV and NDJSON uploads: all or nothing, the first bad line named. */
@QuarkusTest
class ItemImportApiTest {

    private static final String HEADER = "externalId,input,draft_1_model,draft_1_family,draft_1_version,draft_1_text\n";

    private static long project(String ops) {
        return Api.as(ops).body(Map.of("name", TestData.unique("csv"), "taskType", "FREE_TEXT", "overlap", 1))
                .post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static io.restassured.response.ValidatableResponse upload(String ops, long projectId, String type, String body) {
        return Api.as(ops).contentType(type).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + projectId + "/items").then();
    }

    @Test
    void csvWithABadLineIsRefusedWholeAndNamesTheLine() {
        String ops = TestData.user("ops");
        long projectId = project(ops);
        String good = HEADER + "a1,First question,m,f,1,draft one\na2,Second question,m,f,1,draft two\n";
        upload(ops, projectId, "text/csv", good + "a3,Third question,m,,1,draft three\n").statusCode(400)
                .contentType("application/problem+json").body("line", equalTo(4))
                .body("detail", containsString("line 4: drafts[0].family is missing"));
        upload(ops, projectId, "text/csv", good).statusCode(200)
                .body("created", equalTo(2)).body("skipped", equalTo(0)).body("drafts", equalTo(2));
    }

    @Test
    void labelStudioTasksAreImportedWithPredictionsAsHiddenDrafts() {
        String ops = TestData.user("ops");
        long projectId = project(ops);
        upload(ops, projectId, "application/json", LabelStudioTasksTest.EXPORT)
                .statusCode(400).body("detail", containsString("format=label-studio"));
        Api.as(ops).contentType("application/json").body(LabelStudioTasksTest.EXPORT.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + projectId + "/items?format=label-studio&family=frontier").then().statusCode(200)
                .body("created", equalTo(2)).body("drafts", equalTo(2));
        String annotator = TestData.user("annotator");
        Api.as(ops).body(Map.of("username", annotator)).post("/api/projects/" + projectId + "/members").then().statusCode(201);
        long aid = TestData.next(annotator, projectId);
        TestData.commit(annotator, aid, "my own summary");
        Api.as(annotator).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
        Api.as(ops).contentType("application/json").body("[{\"id\":1}]".getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + projectId + "/items?format=label-studio").then().statusCode(400)
                .body("detail", containsString("task 1"));
    }

    @Test
    void ndjsonWithABadLineIsRefusedWholeAndNamesTheLine() {
        String ops = TestData.user("ops");
        long projectId = project(ops);
        String good = "{\"externalId\":\"b1\",\"input\":\"x\"}\n{\"externalId\":\"b2\",\"input\":\"y\"}\n";
        upload(ops, projectId, "application/x-ndjson", good + "{\"externalId\":\"b3\"}\n").statusCode(400)
                .body("line", equalTo(3)).body("detail", containsString("input is missing"));
        upload(ops, projectId, "application/x-ndjson", good).statusCode(200).body("created", equalTo(2));
    }
}
