package dev.blindfold.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blindfold.support.Api;
import dev.blindfold.support.RawHttp;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import dev.blindfold.web.BadInputCorpus.Route;
import dev.blindfold.web.BadRequests.Bad;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Sends every API route every bad input of the corpus ({@code bad-input/routes.json}) as a user allowed the route:
 * each answer is a 4xx problem+json whose detail says what was wrong with the input, with no class name or stack
 * trace, and no table gains or loses a row.
 */
@QuarkusTest
class BadInputCorpusTest {

    private static final Pattern LEAKS = Pattern.compile("Exception|at dev\\.|java\\.|com\\.fasterxml|\\tat ");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Set<String> GENERIC = Set.of("error", "error.", "bad request.", "not found.", "internal error");

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @TestFactory
    List<DynamicContainer> everyRouteRefusesEveryBadInputCleanly() throws Exception {
        Map<String, String> context = context();
        TableCounts tables = new TableCounts(dataSource);
        List<DynamicContainer> routes = new ArrayList<>();
        for (Route route : BadInputCorpus.load().routes()) {
            List<DynamicTest> cases = new ArrayList<>();
            for (JsonNode c : route.cases()) {
                cases.add(DynamicTest.dynamicTest(BadInputCorpus.describe(c), () -> {
                    Bad bad = BadRequests.build(route, c, context);
                    Map<String, Long> before = tables.now();
                    Answer answer = send(context.get(route.as()), bad);
                    assertCleanRefusal(answer, bad);
                    assertEquals(before, tables.now(), "row counts changed");
                }));
            }
            routes.add(DynamicContainer.dynamicContainer(route.key(), cases));
        }
        return routes;
    }

    /** The corpus lists exactly the API routes the app serves (from its OpenAPI document). */
    @Test
    void theCorpusListsEveryServedApiRoute() throws Exception {
        JsonNode openapi = BadInputCorpus.JSON.readTree(Api.anonymous().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        Set<String> served = new TreeSet<>();
        openapi.get("paths").fields().forEachRemaining(p -> {
            if (p.getKey().startsWith("/api/")) {
                p.getValue().fieldNames().forEachRemaining(m -> {
                    if (Set.of("get", "post", "put", "delete", "patch").contains(m)) {
                        served.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey());
                    }
                });
            }
        });
        Set<String> listed = BadInputCorpus.load().routes().stream().map(Route::key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertFalse(served.isEmpty());
        assertEquals(served, listed, "bad-input/routes.json must list every served /api route, and only those");
    }

    private void assertCleanRefusal(Answer answer, Bad bad) throws Exception {
        String where = bad.method() + " " + bad.url() + " → " + answer.status() + " " + answer.contentType() + " "
                + abbreviate(answer.body());
        assertTrue(answer.status() >= 400 && answer.status() < 500, "not a 4xx: " + where);
        assertTrue(answer.contentType() != null && answer.contentType().startsWith(Problem.MEDIA_TYPE), "not problem+json: " + where);
        assertFalse(LEAKS.matcher(answer.body()).find(), "class name or stack trace: " + where);
        JsonNode problem = BadInputCorpus.JSON.readTree(answer.body());
        assertTrue(problem.path("type").isTextual() && problem.path("title").isTextual(), "type and title: " + where);
        assertEquals(answer.status(), problem.path("status").asInt(), "status in the body: " + where);
        String detail = problem.path("detail").asText("");
        assertFalse(detail.isBlank() || GENERIC.contains(detail.toLowerCase(java.util.Locale.ROOT)), "useless detail: " + where);
        assertTrue(Pattern.compile(bad.expect(), Pattern.CASE_INSENSITIVE).matcher(detail).find(),
                "detail should mention /" + bad.expect() + "/: " + where);
    }

    record Answer(int status, String contentType, String body) {
    }

    private Answer send(String user, Bad bad) throws Exception {
        if (bad.declaredLength() != null) {
            RawHttp.Response r = RawHttp.send(base, bad.method() + " " + bad.url() + " HTTP/1.1\r\nAuthorization: "
                    + basic(user) + "\r\nContent-Type: " + bad.contentType() + "\r\nContent-Length: "
                    + bad.declaredLength() + "\r\n");
            return new Answer(r.status(), r.contentType(), r.body());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + bad.url()))
                .header("Authorization", basic(user))
                .method(bad.method(), bad.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bad.body()));
        if (bad.body() != null) {
            request.header("Content-Type", bad.contentType());
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
    }

    /** The Authorization header value of a test user's HTTP Basic credentials. */
    private static String basic(String user) {
        String password = Api.ADMIN.equals(user) ? Api.ADMIN_PASSWORD : Api.PASSWORD;
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A project with an open assignment (annotator) and a committed, revealed one (annotator2), a draft of the item of
     * the committed one, the externalId of that item ({@code $handed}: handed out, so its gold answer cannot change),
     * a token, an export, and the auditor's user id.
     */
    private Map<String, String> context() throws java.sql.SQLException {
        Fixture f = TestData.freeText(2, 2, 1, "REVEAL_AFTER_COMMIT");
        String first = f.annotators().get(0);
        String second = f.annotators().get(1);
        long open = TestData.next(first, f.projectId());
        long committed = TestData.next(second, f.projectId());
        TestData.commit(second, committed, "A blind answer.");
        Api.as(second).get("/api/assignments/" + committed + "/drafts").then().statusCode(200);
        long token = Api.as(first).body(Map.of("name", "script")).post("/api/tokens").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String export = Api.as(f.ops()).get("/api/projects/" + f.projectId() + "/export").then().statusCode(200)
                .extract().header("X-Blindfold-Export-Id");
        Map<String, String> context = new HashMap<>();
        context.putAll(Map.of("admin", Api.ADMIN, "ops", f.ops(), "auditor", f.auditor(), "annotator", first,
                "annotator2", second));
        context.putAll(Map.of("$project", String.valueOf(f.projectId()), "$open", String.valueOf(open),
                "$committed", String.valueOf(committed), "$token", String.valueOf(token), "$export", export,
                "$annotator", first));
        context.put("$draft", String.valueOf(draftOf(committed)));
        context.putAll(reviews());
        context.put("$handed", Api.as(second).get("/api/projects/" + f.projectId() + "/next").then().statusCode(200)
                .extract().jsonPath().getString("item.externalId"));
        context.put("$user", String.valueOf(Api.as(Api.ADMIN).get("/api/users").then().statusCode(200).extract()
                .jsonPath().getLong("find { it.username == '" + f.auditor() + "' }.id")));
        return context;
    }

    /**
     * Two items sent to review: {@code $review} held (shown, uncommitted) by {@code reviewer}, {@code $reviewed}
     * committed and revealed by {@code reviewer2}.
     */
    private static Map<String, String> reviews() {
        Map<String, String> out = new HashMap<>();
        for (String who : List.of("reviewer", "reviewer2")) {
            Fixture f = TestData.freeText(1, 2, 2, "REVEAL_AFTER_COMMIT");
            Api.as(f.ops()).body(Map.of("adjudicationBelow", 1.0)).patch("/api/projects/" + f.projectId()).then()
                    .statusCode(200);
            for (int i = 0; i < 2; i++) {
                String annotator = f.annotators().get(i);
                TestData.commit(annotator, TestData.next(annotator, f.projectId()), "Blind answer " + i + ".");
            }
            String reviewer = TestData.user("reviewer");
            String item = String.valueOf(Api.as(reviewer).get("/api/projects/" + f.projectId() + "/review/next").then()
                    .statusCode(200).extract().jsonPath().getLong("itemId"));
            out.put(who, reviewer);
            if (who.equals("reviewer")) {
                out.put("$review", item);
            } else {
                Api.as(reviewer).body(Map.of("pickedSlot", 1)).post("/api/review/items/" + item + "/commit").then()
                        .statusCode(200);
                Api.as(reviewer).get("/api/review/items/" + item + "/drafts").then().statusCode(200);
                out.put("$reviewed", item);
            }
        }
        return out;
    }

    /** A draft of the assignment's item. */
    private long draftOf(long assignmentId) throws java.sql.SQLException {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("SELECT MIN(d.id) FROM drafts d"
                + " JOIN assignments a ON a.item_id = d.item_id WHERE a.id = ?")) {
            s.setLong(1, assignmentId);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static String abbreviate(String s) {
        return s == null || s.length() < 400 ? s : s.substring(0, 400) + "…";
    }
}
