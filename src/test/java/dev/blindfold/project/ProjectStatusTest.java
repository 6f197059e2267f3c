package dev.blindfold.project;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blindfold.support.Api;
import dev.blindfold.support.Browser;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A paused project hands out no new item (an open one can still be finished) and can resume; a closed one hands out
 * nothing more, for good; both say so, through the API and on the pages.
 */
@QuarkusTest
class ProjectStatusTest {

    private static void status(String ops, long projectId, String status, int expected) {
        Api.as(ops).body(Map.of("status", status)).patch("/api/projects/" + projectId).then().statusCode(expected);
    }

    @Test
    void pausedHandsOutNothingNewButKeepsTheOpenItemAndResumes() {
        Fixture f = TestData.freeText(3, 1, 1, "REVEAL_AFTER_COMMIT");
        long open = TestData.next(f.annotator(), f.projectId());
        status(f.ops(), f.projectId(), "PAUSED", 200);
        Api.as(f.ops()).get("/api/projects/" + f.projectId()).then().body("status", equalTo("PAUSED"));
        assertEquals(open, TestData.next(f.annotator(), f.projectId()), "the open item can still be finished");
        TestData.commit(f.annotator(), open, "mine");
        Api.as(f.annotator()).get("/api/assignments/" + open + "/drafts").then().statusCode(200);
        TestData.keep(f.annotator(), open);
        Api.as(f.annotator()).get("/api/projects/" + f.projectId() + "/next").then().statusCode(409)
                .body("type", containsString("project-paused")).body("detail", containsString("until label ops resume"));
        Api.as(f.annotator()).accept("text/html").get("/").then().statusCode(200).body(containsString("Paused"));
        status(f.ops(), f.projectId(), "ACTIVE", 200);
        TestData.next(f.annotator(), f.projectId());
    }

    @Test
    void closedIsForGood() {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        status(f.ops(), f.projectId(), "CLOSED", 200);
        Api.as(f.annotator()).get("/api/projects/" + f.projectId() + "/next").then().statusCode(409)
                .body("type", containsString("project-closed"));
        status(f.ops(), f.projectId(), "ACTIVE", 409);
        status(f.ops(), f.projectId(), "CLOSED", 200);
        status(f.annotator(), f.projectId(), "ACTIVE", 403);
    }

    @Test
    void opsPauseAndResumeFromTheOverview() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        Browser ops = Browser.signIn(f.ops());
        ops.page().get("/projects/" + f.projectId() + "/overview").then().statusCode(200)
                .body(containsString("id=\"pause-project\""));
        ops.form().formParam("status", "PAUSED").post("/projects/" + f.projectId() + "/status").then().statusCode(303);
        ops.page().get("/projects/" + f.projectId() + "/overview").then().statusCode(200)
                .body(containsString("id=\"resume-project\"")).body(containsString("hands out no new items"));
        ops.form().formParam("status", "SOMETIME").post("/projects/" + f.projectId() + "/status").then().statusCode(400);
        ops.form().formParam("status", "ACTIVE").post("/projects/" + f.projectId() + "/status").then().statusCode(303);
        Api.as(f.ops()).get("/api/projects/" + f.projectId()).then().body("status", equalTo("ACTIVE"));
    }
}
