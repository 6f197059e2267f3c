package dev.blindfold.leaks;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A project of a fresh ops user, items imported through the API, and the flagged drafts it lists. */
record LeakFixture(String ops, long projectId) {

    static LeakFixture project(String taskType) {
        String ops = TestData.user("ops");
        long id = Api.as(ops).body(Map.of("name", TestData.unique("leaks"), "taskType", taskType,
                        "revealPolicy", "REVEAL_AFTER_COMMIT", "guidelines", "Answer well."))
                .post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
        return new LeakFixture(ops, id);
    }

    /** One NDJSON line: an item (its input names it, so no two items share content) and its drafts, each {model, family, version, text}. */
    static String item(String externalId, String[]... drafts) {
        StringBuilder d = new StringBuilder();
        for (String[] draft : drafts) {
            d.append(d.length() == 0 ? "" : ",").append(String.format(
                    "{\"model\":\"%s\",\"family\":\"%s\",\"version\":\"%s\",\"text\":\"%s\"}", (Object[]) draft));
        }
        return "{\"externalId\":\"" + externalId + "\",\"input\":\"Who are you, " + externalId + "?\",\"drafts\":[" + d + "]}\n";
    }

    JsonPath importNdjson(String ndjson) {
        return Api.as(ops).contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + projectId + "/items").then().statusCode(200).extract().jsonPath();
    }

    JsonPath flagged(String query) {
        return Api.as(ops).get("/api/projects/" + projectId + "/drafts/flagged" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    /** The id of the flagged draft of an item. */
    long flaggedDraftOf(String externalId) {
        return flagged("?limit=200").getLong("drafts.find { it.itemExternalId == '" + externalId + "' }.id");
    }

    /** A new annotator member of the project. */
    String annotator() {
        String annotator = TestData.user("annotator");
        Api.as(ops).body(Map.of("username", annotator)).post("/api/projects/" + projectId + "/members")
                .then().statusCode(anyOf(is(200), is(201)));
        return annotator;
    }

    List<String> terms() {
        return flagged("?limit=200").getList("drafts.term", String.class);
    }
}
