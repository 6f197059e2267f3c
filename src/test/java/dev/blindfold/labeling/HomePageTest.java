package dev.blindfold.labeling;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The annotator's home page says where they are in each project, in words. */
@QuarkusTest
class HomePageTest {

    @Test
    void theQueueSaysStartBeforeTheFirstItemAndContinueAfter() {
        Fixture f = TestData.freeText(3, 1, 1, "REVEAL_AFTER_COMMIT");
        String link = "href=\"/projects/" + f.projectId() + "/next\">";
        Api.as(f.annotator()).accept("text/html").get("/").then().statusCode(200)
                .body(containsString(link + "Start labeling</a>"))
                .body(containsString("0 of 3"))
                .body(containsString("<td>Free text</td>"))
                .body(not(containsString("FREE_TEXT")));
        long aid = TestData.next(f.annotator(), f.projectId());
        Api.as(f.annotator()).accept("text/html").get("/").then().statusCode(200)
                .body(containsString(link + "Continue labeling</a>"));
        TestData.commit(f.annotator(), aid, "mine");
        Api.as(f.annotator()).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
        TestData.keep(f.annotator(), aid);
        Api.as(f.annotator()).accept("text/html").get("/").then().statusCode(200)
                .body(containsString(link + "Continue labeling</a>"))
                .body(containsString("1 of 3</td>"));
    }

    /** A skip leaves the total as the item page says it ("item k of N"), and is shown beside it. */
    @Test
    void aSkipKeepsTheTotalAndIsCountedBesideIt() {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        Api.as(f.annotator()).body(java.util.Map.of("reason", "unclear")).post("/api/assignments/" + aid + "/skip")
                .then().statusCode(200);
        Api.as(f.annotator()).accept("text/html").get("/").then().statusCode(200)
                .body(containsString("0 of 2 · 1 skipped</td>"));
        long next = TestData.next(f.annotator(), f.projectId());
        Api.as(f.annotator()).accept("text/html").get("/assignments/" + next).then().statusCode(200)
                .body(containsString("Item 2 of 2"));
        TestData.commit(f.annotator(), next, "mine");
        Api.as(f.annotator()).get("/api/assignments/" + next + "/drafts").then().statusCode(200);
        TestData.keep(f.annotator(), next);
        Api.as(f.annotator()).accept("text/html").get("/").then().statusCode(200)
                .body(containsString("1 of 2 · 1 skipped</td>"))
                .body(containsString("<span class=\"muted\">done</span>"));
    }

    /** A project without items yet is not "done" and offers nothing to start. */
    @Test
    void aProjectWithoutItemsSaysSo() {
        String ops = TestData.user("ops");
        long projectId = Api.as(ops).body(java.util.Map.of("name", TestData.unique("empty"), "taskType", "FREE_TEXT",
                "overlap", 1)).post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
        String annotator = TestData.user("annotator");
        Api.as(ops).body(java.util.Map.of("username", annotator)).post("/api/projects/" + projectId + "/members")
                .then().statusCode(201);
        Api.as(annotator).accept("text/html").get("/").then().statusCode(200)
                .body(containsString("no items yet"))
                .body(not(containsString("href=\"/projects/" + projectId + "/next\"")));
    }
}
