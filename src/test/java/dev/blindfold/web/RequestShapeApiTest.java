package dev.blindfold.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests that used to end in a 500 or an empty 400, or were silently changed, answer a 4xx problem naming what was
 * wrong and store nothing: a client time no database keeps, a form or multipart body sent to a JSON route, and a
 * whole number written with a fraction or exponent (overlap 1.5 was stored as 1).
 */
@QuarkusTest
class RequestShapeApiTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    private record Answer(int status, String contentType, JsonPath problem, String sent) {
    }

    /** POSTs {@code body} as is, with {@code contentType} (none when null), and checks nothing was stored. */
    private Answer post(String user, String path, String contentType, String body) throws Exception {
        TableCounts tables = new TableCounts(dataSource);
        Map<String, Long> before = tables.now();
        String password = Api.ADMIN.equals(user) ? Api.ADMIN_PASSWORD : Api.PASSWORD;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(before, tables.now(), "nothing may be stored: " + r.body());
        String type = r.headers().firstValue("Content-Type").orElse("");
        return new Answer(r.statusCode(), type, type.startsWith(Problem.MEDIA_TYPE) ? JsonPath.from(r.body()) : null,
                "POST " + path + " (" + contentType + ") → " + r.statusCode() + " " + r.body());
    }

    private void assertProblem(Answer a, int status, String... inDetail) {
        assertEquals(status, a.status(), a.sent());
        assertTrue(a.contentType().startsWith(Problem.MEDIA_TYPE), a.sent());
        String detail = a.problem().getString("detail");
        for (String part : inDetail) {
            assertTrue(detail.contains(part), "detail should mention '" + part + "': " + detail);
        }
    }

    @Test
    void aClientTimeOutsideYearsOneTo9999IsRefusedNamingClientTime() throws Exception {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        String path = "/api/assignments/" + TestData.next(f.annotator(), f.projectId()) + "/events";
        for (String time : List.of("\"+1000000000-12-31T23:59:59Z\"", "\"+10000-01-01T00:00:00Z\"", "\"-0001-01-01T00:00:00Z\"",
                "9223372036854775807", "-9223372036854775808", "99999999999999999999")) {
            Answer a = post(f.annotator(), path, "application/json", "[{\"type\":\"FOCUS_LOST\",\"clientTime\":" + time + "}]");
            assertProblem(a, 400, "events[0].clientTime");
        }
        Api.as(f.annotator()).body("[{\"type\":\"FOCUS_LOST\",\"clientTime\":\"9999-12-31T23:59:59.999999Z\"},"
                + "{\"type\":\"FOCUS_RETURNED\",\"clientTime\":\"0001-01-01T00:00:00Z\"}]").post(path).then().statusCode(202);
    }

    @Test
    void formAndMultipartBodiesToJsonRoutesAre415NamingWhatTheRouteTakes() throws Exception {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        String multipart = "multipart/form-data; boundary=XX";
        String part = "--XX\r\nContent-Disposition: form-data; name=\"answer\"\r\n\r\nmine\r\n--XX--\r\n";
        Map<String, String> routes = Map.of(
                "/api/assignments/" + aid + "/blind", f.annotator(),
                "/api/assignments/" + aid + "/events", f.annotator(),
                "/api/assignments/" + aid + "/skip", f.annotator(),
                "/api/assignments/" + aid + "/final", f.annotator(),
                "/api/projects", f.ops(),
                "/api/projects/" + f.projectId() + "/members", f.ops(),
                "/api/tokens", f.ops(),
                "/api/users", Api.ADMIN);
        for (Map.Entry<String, String> route : routes.entrySet()) {
            assertProblem(post(route.getValue(), route.getKey(), "application/x-www-form-urlencoded", "answer=mine"), 415,
                    "takes a JSON body (Content-Type: application/json)", "not Content-Type application/x-www-form-urlencoded");
            assertProblem(post(route.getValue(), route.getKey(), multipart, part), 415, "takes a JSON body", multipart);
            assertProblem(post(route.getValue(), route.getKey(), "text/plain", "{}"), 415, "takes a JSON body", "text/plain");
        }
        assertProblem(post(f.ops(), "/api/projects/" + f.projectId() + "/items", multipart, part), 415,
                "NDJSON (application/x-ndjson), CSV (text/csv) or a Label Studio tasks export (application/json)");
        assertEquals(List.of("ITEM_SHOWN"), TestData.eventTypes(f.auditor(), aid));
    }

    @Test
    void aWholeNumberWrittenWithAFractionOrExponentIsRefusedNotTruncated() throws Exception {
        String ops = TestData.user("ops");
        String spec = "{\"name\":\"%s\",\"taskType\":\"FREE_TEXT\",\"overlap\":%s,\"revealPolicy\":\"REVEAL_AFTER_COMMIT\"}";
        for (String overlap : List.of("1.5", "1.0", "1e0", "2E+0", "1.0000000000000001")) {
            assertProblem(post(ops, "/api/projects", "application/json", String.format(spec, TestData.unique("p"), overlap)),
                    400, "'overlap'", "whole number");
        }
        long id = Api.as(ops).body(String.format(spec, TestData.unique("p"), "2")).post("/api/projects").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        Api.as(ops).get("/api/projects/" + id).then().statusCode(200).body("overlap", org.hamcrest.Matchers.equalTo(2));

        Fixture f = TestData.project("DRAFT_RATING", null, 1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        TestData.commit(f.annotator(), aid, "Mine.");
        Api.as(f.annotator()).get("/api/assignments/" + aid + "/drafts").then().statusCode(200);
        assertProblem(post(f.annotator(), "/api/assignments/" + aid + "/final", "application/json",
                "{\"decision\":\"RATE\",\"ratings\":{\"A\":4.5,\"B\":3}}"), 400, "'ratings.A'", "whole number");
    }
}
