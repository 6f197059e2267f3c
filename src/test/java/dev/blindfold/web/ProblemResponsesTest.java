package dev.blindfold.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user's mistake gets a clear 4xx problem+json, never a 500, a class name or a stack trace. */
@QuarkusTest
class ProblemResponsesTest {

    private static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("type", notNullValue()).body("title", notNullValue())
                .body("detail", notNullValue())
                .body(allOf(not(containsString("dev.blindfold")), not(containsString("Exception")),
                        not(containsString("\tat "))));
    }

    @Test
    void malformedAndMistypedJsonAreBadRequests() {
        String ops = TestData.user("ops");
        problem(Api.as(ops).body("{not json").post("/api/projects").then(), 400)
                .body("type", equalTo("urn:blindfold:problem:bad-json"));
        problem(Api.as(ops).body(Map.of("name", "x", "taskType", "NOPE")).post("/api/projects").then(), 400)
                .body("detail", containsString("taskType"));
        problem(Api.as(ops).body(Map.of("name", "x", "taskType", "FREE_TEXT", "overlap", "many"))
                .post("/api/projects").then(), 400);
        problem(Api.as(ops).body(Map.of("taskType", "FREE_TEXT")).post("/api/projects").then(), 400)
                .body("detail", containsString("name"));
        problem(Api.as(ops).body(Map.of("name", "x", "taskType", "CATEGORICAL", "labels", List.of("only")))
                .post("/api/projects").then(), 400).body("detail", containsString("two labels"));
    }

    @Test
    void aBadImportLineIsNamedAndNothingIsWritten() {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        String body = "{\"externalId\":\"new-1\",\"input\":\"ok\"}\n"
                + "{\"externalId\":\"new-2\",\"input\":\"ok\",\"drafts\":[{\"model\":\"m\",\"family\":\"f\",\"text\":\"t\"}]}\n";
        problem(Api.as(f.ops()).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + f.projectId() + "/items").then(), 400)
                .body("line", equalTo(2)).body("detail", containsString("drafts[0].version is missing"));
        Api.as(f.annotator()).get("/api/projects/" + f.projectId() + "/next").then().statusCode(200);
        long aid = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), aid, "a");
        TestData.keep(f.annotator(), aid);
        Api.as(f.annotator()).get("/api/projects/" + f.projectId() + "/next").then().statusCode(204);
    }

    @Test
    void reimportingTheSameExternalIdsIsIdempotent() {
        Fixture f = TestData.freeText(0 + 1, 1, 1, "REVEAL_AFTER_COMMIT");
        String body = "{\"externalId\":\"dup-1\",\"input\":\"ok\"}\n{\"externalId\":\"dup-2\",\"input\":\"ok\"}\n";
        Api.as(f.ops()).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + f.projectId() + "/items").then().statusCode(200)
                .body("created", equalTo(2)).body("skipped", equalTo(0));
        Api.as(f.ops()).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + f.projectId() + "/items").then().statusCode(200)
                .body("created", equalTo(0)).body("skipped", equalTo(2));
    }

    @Test
    void unknownThingsAreNotFound() {
        String ops = TestData.user("ops");
        problem(Api.as(ops).body(Map.of("username", "nobody")).post("/api/projects/987654/members").then(), 404);
        problem(Api.as(ops).get("/api/projects/987654").then(), 404);
        problem(Api.as(ops).get("/api/assignments/987654/events").then(), 404);
        problem(Api.as(ops).get("/api/no-such-route").then(), 404);
        String annotator = TestData.user("annotator");
        problem(Api.as(annotator).body(Map.of("answer", "x")).post("/api/assignments/987654/blind").then(), 404);
    }

    @Test
    void usersAreValidated() {
        problem(Api.as(Api.ADMIN).body(Map.of("username", "x y", "password", "long-enough", "roles", List.of("ops")))
                .post("/api/users").then(), 400);
        problem(Api.as(Api.ADMIN).body(Map.of("username", TestData.unique("u"), "password", "short", "roles", List.of("ops")))
                .post("/api/users").then(), 400);
        problem(Api.as(Api.ADMIN).body(Map.of("username", TestData.unique("u"), "password", "long-enough",
                "roles", List.of("wizard"))).post("/api/users").then(), 400).body("detail", containsString("wizard"));
        String name = TestData.user("ops");
        problem(Api.as(Api.ADMIN).body(Map.of("username", name, "password", "long-enough", "roles", List.of("ops")))
                .post("/api/users").then(), 409);
    }

    @Test
    void htmlRoutesShowAnErrorPageWithTheRealStatus() {
        String annotator = TestData.user("annotator");
        Api.as(annotator).accept("text/html").get("/assignments/987654").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("Not found"))
                .body(not(containsString("Exception")));
    }
}
