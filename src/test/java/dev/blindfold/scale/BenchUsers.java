package dev.blindfold.scale;

import dev.blindfold.identity.User;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.Map;

/**
 * The people a scale benchmark acts as, made through the public API as an admin would, each with a personal API
 * token: a script sends {@code Authorization: Bearer}, and Basic would pay bcrypt on every timed request.
 */
final class BenchUsers {

    /** A user's name, id and API token. */
    record Person(String name, long id, String token) {
    }

    private BenchUsers() {
    }

    static Person create(String role) {
        String name = TestData.user(role);
        long id = QuarkusTransaction.requiringNew().call(() -> User.byUsername(name).orElseThrow().id);
        String token = Api.as(name).body(Map.of("name", "scale bench")).post("/api/tokens").then().statusCode(201)
                .extract().jsonPath().getString("token");
        return new Person(name, id, token);
    }

    /** A FREE_TEXT project of ops's, overlap 2, drafts revealed after the commit; returns its id. */
    static long project(Person ops, String name) {
        return Api.as(ops.name()).body(Map.of("name", TestData.unique(name), "taskType", "FREE_TEXT", "overlap", 2,
                        "revealPolicy", "REVEAL_AFTER_COMMIT", "guidelines", "Answer in two sentences."))
                .post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static void join(Person ops, long projectId, Person annotator) {
        Api.as(ops.name()).body(Map.of("username", annotator.name())).post("/api/projects/" + projectId + "/members")
                .then().statusCode(201);
    }
}
