package dev.blindfold.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Script payloads stored where text is legitimately accepted (project name and guidelines, an imported item's input,
 * a blind answer, a skip reason, a token name) come back escaped on every page that shows them, and an error page
 * never reflects a script from the URL raw.
 */
@QuarkusTest
class ScriptPayloadEscapingTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "\"><img src=x onerror=alert(1)>";
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

    private static ValidatableResponse page(String user, String path) {
        return Api.as(user).accept("text/html").redirects().follow(false).get(path).then()
                .contentType(containsString("text/html"))
                .body(not(containsString(SCRIPT)), not(containsString("<img src=x")));
    }

    @Test
    void storedScriptPayloadsAreEscapedOnEveryPageThatShowsThem() {
        String ops = TestData.user("ops");
        String auditor = TestData.user("auditor");
        String annotator = TestData.user("annotator");
        long projectId = Api.as(ops).body(Map.of("name", "Eval " + SCRIPT, "taskType", "FREE_TEXT", "overlap", 1,
                "guidelines", "Guide " + SCRIPT + IMG)).post("/api/projects").then().statusCode(201).extract().jsonPath().getLong("id");
        String items = "{\"externalId\":\"x-1\",\"input\":\"Input " + SCRIPT.replace("/", "\\/") + "\"}\n"
                + "{\"externalId\":\"x-2\",\"input\":\"Input " + SCRIPT + "\"}\n";
        Api.as(ops).contentType("application/x-ndjson").body(items.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + projectId + "/items").then().statusCode(200);
        Api.as(ops).body(Map.of("username", annotator)).post("/api/projects/" + projectId + "/members").then().statusCode(201);
        long committed = TestData.next(annotator, projectId);
        TestData.commit(annotator, committed, "Answer " + SCRIPT);
        TestData.keep(annotator, committed);
        long skipped = TestData.next(annotator, projectId);
        Api.as(annotator).body(Map.of("reason", "Reason " + SCRIPT)).post("/api/assignments/" + skipped + "/skip")
                .then().statusCode(200);
        Api.as(annotator).body(Map.of("name", "Token " + SCRIPT)).post("/api/tokens").then().statusCode(201);

        page(annotator, "/").statusCode(200).body(containsString(ESCAPED));
        page(ops, "/").statusCode(200).body(containsString(ESCAPED));
        page(annotator, "/assignments/" + committed).statusCode(200).body(containsString("Input " + ESCAPED))
                .body(containsString("Guide " + ESCAPED)).body(containsString("Answer " + ESCAPED));
        page(annotator, "/tokens").statusCode(200).body(containsString("Token " + ESCAPED));
        page(ops, "/projects/" + projectId + "/overview").statusCode(200).body(containsString(ESCAPED));
        page(ops, "/projects/" + projectId + "/import").statusCode(200);
        page(auditor, "/projects/" + projectId + "/audit").statusCode(200).body(containsString(ESCAPED));
        page(auditor, "/projects/" + projectId + "/audit/labels").statusCode(200).body(containsString(ESCAPED));
        page(auditor, "/projects/" + projectId + "/audit/report").statusCode(200).body(containsString(ESCAPED));
        page(auditor, "/audit/assignments/" + committed).statusCode(200).body(containsString("Answer " + ESCAPED));
        page(auditor, "/audit/assignments/" + skipped).statusCode(200).body(containsString("Reason " + ESCAPED));
    }

    @Test
    void errorPagesDoNotReflectAScriptFromTheUrl() {
        String annotator = TestData.user("annotator");
        String auditor = TestData.user("auditor");
        String encoded = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
        Api.as(annotator).urlEncodingEnabled(false).accept("text/html").get("/assignments/" + encoded).then()
                .statusCode(404).contentType(containsString("text/html")).body(not(containsString(SCRIPT)));
        Api.as(annotator).urlEncodingEnabled(false).accept("text/html").get("/?finished=" + encoded).then()
                .statusCode(400).contentType(containsString("text/html")).body(not(containsString(SCRIPT)))
                .body(containsString(ESCAPED));
        Api.as(auditor).urlEncodingEnabled(false).accept("text/html").get("/projects/1/audit/labels?annotator=" + encoded)
                .then().statusCode(org.hamcrest.Matchers.lessThan(500)).body(not(containsString(SCRIPT)));
        Api.as(annotator).urlEncodingEnabled(false).accept("text/html").get("/no-such-page/" + encoded).then()
                .statusCode(404).body(not(containsString(SCRIPT)));
    }
}
