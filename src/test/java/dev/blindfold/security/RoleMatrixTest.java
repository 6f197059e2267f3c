package dev.blindfold.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.identity.Roles;
import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.log.LogDetail;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what: every role (and nobody) against the routes, as a table. API refusals are
 * problem documents that say nothing about the server's insides; pages send strangers to /login.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String FORM = "application/x-www-form-urlencoded";
    /**
     * A well-formed CSRF token (16 bytes, base64url, as the filter checks) sent both as the cookie and as the form
     * field: the double-submit check passes, so page POSTs reach the role check this table is about.
     */
    private static final String CSRF = "dGFibGUtY3NyZi10b2tlbg";

    /** The caller of a row: nobody, or a fresh user holding exactly one role. */
    enum Who {
        ANONYMOUS, ANNOTATOR, OPS, AUDITOR, ADMIN, REVIEWER
    }

    /** A fresh project, an annotator member with an open (uncommitted) assignment, and one user per role. */
    record World(Fixture fixture, long aid, String admin, String reviewer) {
        String user(Who who) {
            return switch (who) {
                case ANONYMOUS -> null;
                case ANNOTATOR -> fixture.annotator();
                case OPS -> fixture.ops();
                case AUDITOR -> fixture.auditor();
                case ADMIN -> admin;
                case REVIEWER -> reviewer;
            };
        }

        long projectId() {
            return fixture.projectId();
        }

        static World create() {
            Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
            long aid = TestData.next(f.annotator(), f.projectId());
            return new World(f, aid, TestData.user(Roles.ADMIN), TestData.user(Roles.REVIEWER));
        }
    }

    /** A route: how to call it in a given world (path ids filled in, a body that would succeed if allowed). */
    record Route(String name, boolean html, Function<World, Request> request) {
    }

    record Request(String method, String path, String contentType, Object body) {
        static Request get(String path) {
            return new Request("GET", path, null, null);
        }

        static Request post(String path, Object body) {
            return new Request("POST", path, "application/json", body);
        }

        /** A page form POST carrying a valid CSRF token (see {@link #CSRF}). */
        static Request form(String path, Map<String, String> fields) {
            Map<String, String> withCsrf = new java.util.LinkedHashMap<>(fields);
            withCsrf.put("csrf-token", CSRF);
            return new Request("POST", path, FORM, withCsrf);
        }
    }

    /** An item nobody holds for review: a reviewer reaches it as "not found". */
    private static final long NOT_HELD = 999_999_999L;

    private static final Map<String, Route> ROUTES = routes(
            new Route("POST /api/users", false, w -> Request.post("/api/users",
                    Map.of("username", TestData.unique("newuser"), "password", Api.PASSWORD, "roles", List.of("annotator")))),
            new Route("GET /api/users", false, w -> Request.get("/api/users")),
            new Route("PATCH /api/users/{userId}", false, w -> new Request("PATCH", "/api/users/" + idOf(w.fixture().auditor()),
                    "application/json", Map.of("active", true))),
            new Route("POST /api/users/{userId}/password", false, w -> Request.post(
                    "/api/users/" + idOf(w.fixture().auditor()) + "/password", Map.of("password", "set-by-the-admin"))),
            new Route("POST /api/me/password", false, w -> Request.post("/api/me/password",
                    Map.of("currentPassword", Api.PASSWORD, "newPassword", "my-new-password"))),
            new Route("POST /api/projects", false, w -> Request.post("/api/projects",
                    Map.of("name", TestData.unique("project"), "taskType", "FREE_TEXT"))),
            new Route("GET /api/projects", false, w -> Request.get("/api/projects")),
            new Route("GET /api/projects/{id}", false, w -> Request.get("/api/projects/" + w.projectId())),
            new Route("POST /api/projects/{id}/members", false, w -> Request.post(
                    "/api/projects/" + w.projectId() + "/members", Map.of("username", TestData.user("annotator")))),
            new Route("POST /api/projects/{id}/items", false, w -> new Request("POST",
                    "/api/projects/" + w.projectId() + "/items", "application/x-ndjson",
                    ("{\"externalId\":\"" + TestData.unique("extra") + "\",\"input\":\"Another question\",\"drafts\":[]}\n")
                            .getBytes(StandardCharsets.UTF_8))),
            new Route("GET /api/projects/{id}/next", false, w -> Request.get("/api/projects/" + w.projectId() + "/next")),
            new Route("GET /api/projects/{id}/agreement", false, w -> Request.get("/api/projects/" + w.projectId() + "/agreement")),
            new Route("GET /api/projects/{id}/gold", false, w -> Request.get("/api/projects/" + w.projectId() + "/gold")),
            new Route("GET /api/assignments/{aid}/events", false, w -> Request.get("/api/assignments/" + w.aid() + "/events")),
            new Route("GET /api/assignments/{aid}/drafts", false, w -> Request.get("/api/assignments/" + w.aid() + "/drafts")),
            new Route("POST /api/assignments/{aid}/blind", false, w -> Request.post(
                    "/api/assignments/" + w.aid() + "/blind", Map.of("answer", "my blind answer"))),
            new Route("POST /api/assignments/{aid}/final", false, w -> Request.post(
                    "/api/assignments/" + w.aid() + "/final", Map.of("decision", "KEEP"))),
            new Route("POST /api/assignments/{aid}/skip", false, w -> Request.post(
                    "/api/assignments/" + w.aid() + "/skip", Map.of("reason", "not my language"))),
            new Route("POST /api/assignments/{aid}/events", false, w -> Request.post(
                    "/api/assignments/" + w.aid() + "/events",
                    List.of(Map.of("type", "FOCUS_LOST", "clientTime", System.currentTimeMillis())))),
            new Route("GET /api/projects/{id}/export", false, w -> Request.get("/api/projects/" + w.projectId() + "/export")),
            new Route("GET /api/exports/{exportId}", false, w -> Request.get("/api/exports/no-such-export")),
            new Route("GET /api/tokens", false, w -> Request.get("/api/tokens")),
            new Route("POST /api/tokens", false, w -> Request.post("/api/tokens", Map.of("name", "matrix script"))),
            new Route("DELETE /api/tokens/{tokenId}", false, w -> new Request("DELETE", "/api/tokens/987654321", null, null)),
            new Route("GET /", true, w -> Request.get("/")),
            new Route("GET /login", true, w -> Request.get("/login")),
            new Route("GET /projects/{id}/next", true, w -> Request.get("/projects/" + w.projectId() + "/next")),
            new Route("GET /assignments/{aid}", true, w -> Request.get("/assignments/" + w.aid())),
            new Route("GET /projects/{id}/overview", true, w -> Request.get("/projects/" + w.projectId() + "/overview")),
            new Route("GET /projects/{id}/import", true, w -> Request.get("/projects/" + w.projectId() + "/import")),
            new Route("GET /tokens", true, w -> Request.get("/tokens")),
            new Route("POST /tokens", true, w -> Request.form("/tokens", Map.of("name", "matrix page token"))),
            new Route("POST /tokens/{tokenId}/revoke", true, w -> Request.form("/tokens/987654321/revoke", Map.of())),
            new Route("GET /account", true, w -> Request.get("/account")),
            new Route("GET /projects/new", true, w -> Request.get("/projects/new")),
            new Route("PATCH /api/projects/{id}", false, w -> new Request("PATCH", "/api/projects/" + w.projectId(),
                    "application/json", Map.of("status", "ACTIVE", "guidelines", "Edited through the API."))),
            new Route("POST /projects/{id}/status", true, w -> Request.form("/projects/" + w.projectId() + "/status",
                    Map.of("status", "ACTIVE"))),
            new Route("GET /api/projects/{id}/guidelines", false, w -> Request.get(
                    "/api/projects/" + w.projectId() + "/guidelines")),
            new Route("POST /projects/{id}/guidelines", true, w -> Request.form(
                    "/projects/" + w.projectId() + "/guidelines", Map.of("guidelines", "Edited from the page."))),
            new Route("POST /projects/new", true, w -> Request.form("/projects/new", Map.of("action", "preview",
                    "name", "matrix project", "taskType", "FREE_TEXT", "guidelines", "**bold**"))),
            new Route("POST /projects/{id}/members", true, w -> Request.form("/projects/" + w.projectId() + "/members",
                    Map.of("username", w.user(Who.ANNOTATOR)))),
            new Route("DELETE /api/projects/{id}/members/{username}", false, w -> new Request("DELETE",
                    "/api/projects/" + w.projectId() + "/members/" + w.user(Who.ANNOTATOR), null, null)),
            new Route("POST /projects/{id}/members/remove", true, w -> Request.form("/projects/" + w.projectId()
                    + "/members/remove", Map.of("username", w.user(Who.ANNOTATOR)))),
            new Route("GET /users", true, w -> Request.get("/users")),
            new Route("POST /users", true, w -> Request.form("/users", Map.of("username", TestData.unique("matrix"),
                    "password", Api.PASSWORD, "roles", "ops"))),
            new Route("POST /users/{userId}/roles", true, w -> Request.form("/users/987654321/roles", Map.of("roles", "ops"))),
            new Route("POST /users/{userId}/active", true, w -> Request.form("/users/987654321/active", Map.of("active", "false"))),
            new Route("POST /users/{userId}/password", true, w -> Request.form("/users/987654321/password",
                    Map.of("password", Api.PASSWORD))),
            new Route("GET /api/projects/{id}/audit/annotators", false, w -> Request.get("/api/projects/" + w.projectId() + "/audit/annotators")),
            new Route("GET /api/projects/{id}/audit/drift", false, w -> Request.get("/api/projects/" + w.projectId() + "/audit/drift")),
            new Route("GET /api/projects/{id}/audit/flags", false, w -> Request.get("/api/projects/" + w.projectId() + "/audit/flags?format=csv")),
            new Route("GET /api/projects/{id}/audit/verify", false, w -> Request.get("/api/projects/" + w.projectId() + "/audit/verify")),
            new Route("GET /api/projects/{id}/audit/report", false, w -> Request.get("/api/projects/" + w.projectId() + "/audit/report")),
            new Route("GET /projects/{id}/audit/report", true, w -> Request.get("/projects/" + w.projectId() + "/audit/report")),
            new Route("GET /api/projects/{id}/audit/bundle", false, w -> Request.get("/api/projects/" + w.projectId() + "/audit/bundle")),
            new Route("GET /api/projects/{id}/audit/mirror-gap", false, w -> Request.get("/api/projects/" + w.projectId() + "/audit/mirror-gap")),
            new Route("GET /api/assignments/{aid}/timeline", false, w -> Request.get("/api/assignments/" + w.aid() + "/timeline")),
            new Route("GET /audit/assignments/{aid}", true, w -> Request.get("/audit/assignments/" + w.aid())),
            new Route("GET /projects/{id}/audit/labels", true, w -> Request.get("/projects/" + w.projectId() + "/audit/labels")),
            new Route("GET /projects/{id}/audit", true, w -> Request.get("/projects/" + w.projectId() + "/audit")),
            new Route("GET /api/projects/{id}/drafts/flagged", false, w -> Request.get("/api/projects/" + w.projectId()
                    + "/drafts/flagged")),
            new Route("POST /api/drafts/{draftId}/redact", false, w -> Request.post("/api/drafts/" + flaggedDraft(w)
                    + "/redact", Map.of())),
            new Route("DELETE /api/drafts/{draftId}", false, w -> new Request("DELETE", "/api/drafts/" + flaggedDraft(w),
                    null, null)),
            new Route("GET /projects/{id}/drafts/flagged", true, w -> Request.get("/projects/" + w.projectId()
                    + "/drafts/flagged")),
            new Route("POST /projects/{id}/drafts/flagged/{draftId}/redact", true, w -> Request.form("/projects/"
                    + w.projectId() + "/drafts/flagged/" + flaggedDraft(w) + "/redact", Map.of("after", "0"))),
            new Route("POST /projects/{id}/drafts/flagged/{draftId}/drop", true, w -> Request.form("/projects/"
                    + w.projectId() + "/drafts/flagged/" + flaggedDraft(w) + "/drop", Map.of("after", "0"))),
            new Route("PUT /api/projects/{id}/items/{externalId}/gold", false, w -> new Request("PUT", "/api/projects/"
                    + w.projectId() + "/items/" + freshItem(w, null) + "/gold", "application/json",
                    Map.of("answer", "the known answer"))),
            new Route("DELETE /api/projects/{id}/items/{externalId}/gold", false, w -> new Request("DELETE",
                    "/api/projects/" + w.projectId() + "/items/" + freshItem(w, "the known answer") + "/gold", null, null)),
            new Route("GET /api/projects/{id}/gold-accuracy", false, w -> Request.get("/api/projects/" + w.projectId()
                    + "/gold-accuracy")),
            new Route("GET /api/no-such-route", false, w -> Request.get("/api/no-such-route")),
            new Route("GET /no-such-page", true, w -> Request.get("/no-such-page")),
            new Route("GET /api/projects/{id}/review/next", false,
                    w -> Request.get("/api/projects/" + w.projectId() + "/review/next")),
            new Route("POST /api/review/items/{itemId}/commit", false,
                    w -> Request.post("/api/review/items/" + NOT_HELD + "/commit", Map.of("answer", "x"))),
            new Route("GET /api/review/items/{itemId}/drafts", false,
                    w -> Request.get("/api/review/items/" + NOT_HELD + "/drafts")),
            new Route("POST /api/review/items/{itemId}/final", false,
                    w -> Request.post("/api/review/items/" + NOT_HELD + "/final", Map.of("decision", "KEEP"))),
            new Route("GET /api/projects/{id}/adjudications", false,
                    w -> Request.get("/api/projects/" + w.projectId() + "/adjudications")),
            new Route("GET /review", true, w -> Request.get("/review")),
            new Route("GET /review/projects/{id}", true, w -> Request.get("/review/projects/" + w.projectId())),
            new Route("POST /review/items/{itemId}/commit", true,
                    w -> Request.form("/review/items/" + NOT_HELD + "/commit", Map.of("pick", "own", "answer", "x"))),
            new Route("POST /review/items/{itemId}/reveal", true,
                    w -> Request.form("/review/items/" + NOT_HELD + "/reveal", Map.of())),
            new Route("POST /review/items/{itemId}/final", true,
                    w -> Request.form("/review/items/" + NOT_HELD + "/final", Map.of("decision", "KEEP"))),
            new Route("POST /projects/{id}/gold/items", true, w -> Request.form("/projects/" + w.projectId()
                    + "/gold/items", Map.of("externalId", freshItem(w, null), "answer", "the known answer"))),
            new Route("POST /projects/{id}/gold/settings", true, w -> Request.form("/projects/" + w.projectId()
                    + "/gold/settings", Map.of("goldRate", "0.1"))),
            new Route("POST /projects/{id}/adjudication", true,
                    w -> Request.form("/projects/" + w.projectId() + "/adjudication", Map.of("adjudicationBelow", "0.5"))));

    /**
     * Expected status by caller. 401/303 for nobody; 403 for a role the route does not admit. The
     * annotator's 409s are the blind loop's own refusals (nothing committed yet), past the role check.
     */
    /** Where a signed-in caller is sent by a route that answers 303 other than to their next item. */
    private static final Map<String, java.util.function.Function<World, String>> SIGNED_IN_REDIRECTS = Map.ofEntries(
            Map.entry("POST /users", w -> "/users"),
            Map.entry("POST /projects/{id}/members", w -> "/projects/" + w.projectId() + "/overview"),
            Map.entry("POST /projects/{id}/members/remove", w -> "/projects/" + w.projectId() + "/overview"),
            Map.entry("POST /projects/{id}/status", w -> "/projects/" + w.projectId() + "/overview"),
            Map.entry("POST /projects/{id}/guidelines", w -> "/projects/" + w.projectId() + "/overview"),
            Map.entry("POST /projects/{id}/drafts/flagged/{draftId}/redact", w -> "/projects/" + w.projectId() + "/drafts/flagged"),
            Map.entry("POST /projects/{id}/drafts/flagged/{draftId}/drop", w -> "/projects/" + w.projectId() + "/drafts/flagged"),
            Map.entry("GET /review/projects/{id}", w -> "/review"),
            Map.entry("POST /projects/{id}/adjudication", w -> "/projects/" + w.projectId() + "/overview"),
            Map.entry("POST /projects/{id}/gold/items", w -> "/projects/" + w.projectId() + "/overview"),
            Map.entry("POST /projects/{id}/gold/settings", w -> "/projects/" + w.projectId() + "/overview"));

    private static final Object[][] MATRIX = {
            // route                                ANONYMOUS ANNOTATOR OPS  AUDITOR ADMIN REVIEWER
            {"POST /api/users",                       401,     403,     403, 403,    201, 403},
            {"GET /api/users",                        401,     403,     403, 403,    200, 403},
            {"PATCH /api/users/{userId}",             401,     403,     403, 403,    200, 403},
            {"POST /api/users/{userId}/password",     401,     403,     403, 403,    204, 403},
            {"POST /api/me/password",                 401,     204,     204, 204,    204, 204},
            {"POST /api/projects",                    401,     403,     201, 403,    201, 403},
            {"GET /api/projects",                     401,     200,     200, 200,    200, 403},
            {"GET /api/projects/{id}",                401,     200,     200, 200,    200, 403},
            {"POST /api/projects/{id}/members",       401,     403,     201, 403,    201, 403},
            {"POST /api/projects/{id}/items",         401,     403,     200, 403,    200, 403},
            {"GET /api/projects/{id}/next",           401,     200,     403, 403,    403, 403},
            {"GET /api/projects/{id}/agreement",      401,     403,     200, 200,    200, 403},
            {"GET /api/projects/{id}/gold",           401,     403,     200, 403,    200, 403},
            {"GET /api/assignments/{aid}/events",     401,     403,     200, 200,    200, 403},
            {"GET /api/assignments/{aid}/drafts",     401,     409,     403, 403,    403, 403},
            {"POST /api/assignments/{aid}/blind",     401,     200,     403, 403,    403, 403},
            {"POST /api/assignments/{aid}/final",     401,     409,     403, 403,    403, 403},
            {"POST /api/assignments/{aid}/skip",      401,     200,     403, 403,    403, 403},
            {"POST /api/assignments/{aid}/events",    401,     202,     403, 403,    403, 403},
            {"GET /api/projects/{id}/export",         401,     403,     200, 403,    200, 403},
            {"GET /api/exports/{exportId}",           401,     403,     404, 404,    404, 403},
            {"GET /api/tokens",                       401,     200,     200, 200,    200, 200},
            {"POST /api/tokens",                      401,     201,     201, 201,    201, 201},
            {"DELETE /api/tokens/{tokenId}",          401,     404,     404, 404,    404, 404},
            {"GET /",                                 303,     200,     200, 200,    200, 200},
            {"GET /login",                            200,     200,     200, 200,    200, 200},
            {"GET /projects/{id}/next",               303,     303,     403, 403,    403, 403},
            {"GET /assignments/{aid}",                303,     200,     403, 403,    403, 403},
            {"GET /projects/{id}/overview",           303,     403,     200, 200,    200, 403},
            {"GET /projects/{id}/import",             303,     403,     200, 403,    200, 403},
            {"GET /tokens",                           303,     200,     200, 200,    200, 200},
            {"POST /tokens",                          303,     200,     200, 200,    200, 200},
            {"POST /tokens/{tokenId}/revoke",         303,     404,     404, 404,    404, 404},
            {"GET /account",                          303,     200,     200, 200,    200, 200},
            {"GET /projects/new",                     303,     403,     200, 403,    200, 403},
            {"PATCH /api/projects/{id}",              401,     403,     200, 403,    200, 403},
            {"POST /projects/{id}/status",            303,     403,     303, 403,    303, 403},
            {"GET /api/projects/{id}/guidelines",     401,     403,     200, 200,    200, 403},
            {"POST /projects/{id}/guidelines",        303,     403,     303, 403,    303, 403},
            {"POST /projects/new",                    303,     403,     200, 403,    200, 403},
            {"POST /projects/{id}/members",           303,     403,     303, 403,    303, 403},
            {"DELETE /api/projects/{id}/members/{username}", 401, 403,  200, 403,    200, 403},
            {"POST /projects/{id}/members/remove",    303,     403,     303, 403,    303, 403},
            {"GET /users",                            303,     403,     403, 403,    200, 403},
            {"POST /users",                           303,     403,     403, 403,    303, 403},
            {"POST /users/{userId}/roles",            303,     403,     403, 403,    404, 403},
            {"POST /users/{userId}/active",           303,     403,     403, 403,    404, 403},
            {"POST /users/{userId}/password",         303,     403,     403, 403,    404, 403},
            {"GET /api/projects/{id}/audit/annotators", 401,   403,     403, 200,    200, 403},
            {"GET /api/projects/{id}/audit/drift",    401,     403,     403, 200,    200, 403},
            {"GET /api/projects/{id}/audit/flags",    401,     403,     403, 200,    200, 403},
            {"GET /api/projects/{id}/audit/verify",   401,     403,     403, 200,    200, 403},
            {"GET /api/projects/{id}/audit/report",   401,     403,     403, 200,    200, 403},
            {"GET /projects/{id}/audit/report",       303,     403,     403, 200,    200, 403},
            {"GET /api/projects/{id}/audit/bundle",   401,     403,     200, 200,    200, 403},
            {"GET /api/projects/{id}/audit/mirror-gap", 401,   403,     403, 200,    200, 403},
            {"GET /api/assignments/{aid}/timeline",   401,     403,     403, 200,    200, 403},
            {"GET /audit/assignments/{aid}",          303,     403,     403, 200,    200, 403},
            {"GET /projects/{id}/audit/labels",       303,     403,     403, 200,    200, 403},
            {"GET /projects/{id}/audit",              303,     403,     403, 200,    200, 403},
            {"GET /api/projects/{id}/drafts/flagged", 401,     403,     200, 403,    200, 403},
            {"POST /api/drafts/{draftId}/redact",     401,     403,     200, 403,    200, 403},
            {"DELETE /api/drafts/{draftId}",          401,     403,     200, 403,    200, 403},
            {"GET /projects/{id}/drafts/flagged",     303,     403,     200, 200,    200, 403},
            {"POST /projects/{id}/drafts/flagged/{draftId}/redact", 303, 403, 303, 403, 303, 403},
            {"POST /projects/{id}/drafts/flagged/{draftId}/drop", 303, 403, 303, 403, 303, 403},
            {"PUT /api/projects/{id}/items/{externalId}/gold", 401, 403, 200, 403,  200, 403},
            {"DELETE /api/projects/{id}/items/{externalId}/gold", 401, 403, 200, 403, 200, 403},
            {"GET /api/projects/{id}/gold-accuracy",  401,     403,     200, 200,    200, 403},
            {"GET /api/no-such-route",                404,     404,     404, 404,    404, 404},
            {"GET /no-such-page",                     404,     404,     404, 404,    404, 404},
            {"GET /api/projects/{id}/review/next",   401,     403,     403, 403,    403,  204},
            {"POST /api/review/items/{itemId}/commit", 401,   403,     403, 403,    403,  404},
            {"GET /api/review/items/{itemId}/drafts", 401,    403,     403, 403,    403,  404},
            {"POST /api/review/items/{itemId}/final", 401,    403,     403, 403,    403,  404},
            {"GET /api/projects/{id}/adjudications",  401,    403,     200, 200,    200,  403},
            {"GET /review",                           303,     403,     403, 403,    403,  200},
            {"GET /review/projects/{id}",             303,     403,     403, 403,    403,  303},
            {"POST /review/items/{itemId}/commit",    303,     403,     403, 403,    403,  404},
            {"POST /review/items/{itemId}/reveal",    303,     403,     403, 403,    403,  404},
            {"POST /review/items/{itemId}/final",     303,     403,     403, 403,    403,  404},
            {"POST /projects/{id}/adjudication",      303,     403,     303, 403,    303,  403},
            {"POST /projects/{id}/gold/items",        303,     403,     303, 403,    303,  403},
            {"POST /projects/{id}/gold/settings",     303,     403,     303, 403,    303,  403},
    };

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (Object[] row : MATRIX) {
            for (Who who : Who.values()) {
                rows.add(Arguments.of(row[0], who, row[1 + who.ordinal()]));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void eachRoleGetsExactlyTheStatusTheTableSays(String routeName, Who who, int expected) {
        Route route = ROUTES.get(routeName);
        assertNotNull(route, "route " + routeName + " is defined");
        World world = World.create();
        Request request = route.request().apply(world);
        Response r = send(request, who == Who.ANONYMOUS ? null : world.user(who), Api.PASSWORD, route.html());

        assertEquals(expected, r.statusCode(), () -> routeName + " as " + who + " got " + r.statusCode() + " "
                + r.contentType() + ": " + abbreviated(r.asString()));
        if (expected == 401) {
            assertUnauthenticatedProblem(r, request.path());
        }
        if (expected == 303) {
            String location = r.getHeader("Location");
            assertNotNull(location, "a redirect says where to");
            String expectedTarget = who == Who.ANONYMOUS ? "/login"
                    : SIGNED_IN_REDIRECTS.getOrDefault(routeName, w -> "/assignments/" + w.aid()).apply(world);
            assertEquals(expectedTarget, URI.create(location).getPath(), routeName + " as " + who);
        }
        if (!route.html() && expected >= 400 && expected < 500) {
            assertSafeProblem(r, expected);
        }
        if (route.html() && expected >= 400) {
            assertTrue(r.contentType().startsWith("text/html"), "pages refuse with an error page: " + r.contentType());
            assertTrue(r.asString().contains(expected + " · "), "the app's own error page: " + r.asString());
            assertNoInternals(r.asString());
        }
    }

    @Test
    void tableCoversEveryRouteForEveryRole() {
        assertEquals(ROUTES.keySet(), Stream.of(MATRIX).map(row -> (String) row[0])
                .collect(java.util.stream.Collectors.toSet()));
        assertTrue(Stream.of(MATRIX).allMatch(row -> row.length == 1 + Who.values().length));
        assertEquals(Roles.ALL, Arrays.stream(Who.values()).skip(1).map(w -> w.name().toLowerCase()).toList(),
                "the table has a column for each role in Roles.ALL, in order");
        assertEquals(Roles.ALL, List.of(Roles.ANNOTATOR, Roles.OPS, Roles.AUDITOR, Roles.ADMIN, Roles.REVIEWER));
    }

    @Test
    void wrongPasswordOrUnknownUserIsUnauthenticatedProblem() {
        World world = World.create();
        List<String[]> credentials = List.of(
                new String[] {world.fixture().ops(), "not-the-password"},
                new String[] {world.fixture().annotator(), Api.PASSWORD + "x"},
                new String[] {Api.ADMIN, Api.PASSWORD}, // the bootstrap admin's password is another
                new String[] {TestData.unique("nobody"), Api.PASSWORD});
        for (String[] c : credentials) {
            for (Request request : List.of(Request.get("/api/projects"),
                    Request.get("/api/projects/" + world.projectId() + "/next"),
                    Request.post("/api/users", Map.of("username", TestData.unique("x"), "password", Api.PASSWORD,
                            "roles", List.of("admin"))))) {
                Response r = send(request, c[0], c[1], false);
                assertEquals(401, r.statusCode(), request.path() + " as " + c[0] + " with a wrong password");
                assertUnauthenticatedProblem(r, request.path());
                assertSafeProblem(r, 401);
            }
            Response page = send(Request.get("/assignments/" + world.aid()), c[0], c[1], true);
            assertEquals(303, page.statusCode(), "a page with bad credentials sends to sign-in");
            assertEquals("/login", URI.create(page.getHeader("Location")).getPath());
        }
    }

    @Test
    void apiErrorsAreProblemDocumentsThatRevealNoInternals() {
        World world = World.create();
        String ops = world.fixture().ops();
        String annotator = world.fixture().annotator();
        String projects = "/api/projects";
        String items = projects + "/" + world.projectId() + "/items";
        Object[][] cases = {
                // who, method, path, content type, body, expected status
                {ops, "POST", projects, "application/json", "{not json", 400},
                {ops, "POST", projects, "application/json", "{\"name\":\"x\",\"taskType\":\"FREE_TEXT\",\"overlap\":\"many\"}", 400},
                {ops, "POST", projects, "application/json", "{\"name\":\"x\",\"taskType\":\"NO_SUCH_TYPE\"}", 400},
                {ops, "POST", projects, "application/json", "{\"taskType\":\"FREE_TEXT\"}", 400},
                {ops, "POST", projects, "application/json", "", 400},
                {ops, "POST", projects, "text/csv", "a,b", 415},
                {ops, "DELETE", projects, null, null, 405},
                {ops, "GET", "/api/does-not-exist", null, null, 404},
                {ops, "GET", projects + "/not-a-number", null, null, 404},
                {ops, "GET", projects + "/999999999", null, null, 404},
                {ops, "POST", items, "application/x-ndjson", "{\"externalId\":\"a\",\"input\":\"x\"}\nnot json\n", 400},
                {ops, "POST", projects + "/" + world.projectId() + "/members", "application/json",
                        "{\"username\":\"no-such-user-anywhere\"}", 400},
                {Api.ADMIN, "POST", "/api/users", "application/json",
                        "{\"username\":\"ok-name\",\"password\":\"short\",\"roles\":[\"annotator\"]}", 400},
                {Api.ADMIN, "POST", "/api/users", "application/json",
                        "{\"username\":\"ok-name-2\",\"password\":\"long-enough-password\",\"roles\":[\"root\"]}", 400},
                {Api.ADMIN, "POST", "/api/users", "application/json", "{\"username\":\"ok-name-3\"}", 400},
                {annotator, "POST", "/api/assignments/" + world.aid() + "/blind", "application/json", "{}", 400},
                {annotator, "POST", "/api/assignments/" + world.aid() + "/blind", "application/json", "[1,2]", 400},
                {annotator, "POST", "/api/assignments/" + world.aid() + "/events", "application/json", "{}", 400},
                {annotator, "POST", "/api/assignments/" + world.aid() + "/events", "application/json",
                        "[{\"type\":\"BLIND_COMMITTED\"}]", 400},
                {annotator, "POST", "/api/assignments/" + world.aid() + "/events", "application/json",
                        "[{\"type\":\"PASTE\",\"data\":{\"chars\":\"lots\"}}]", 400},
                {annotator, "POST", "/api/assignments/" + world.aid() + "/final", "application/json",
                        "{\"decision\":\"MAYBE\"}", 400},
                {annotator, "GET", "/api/assignments/" + (world.aid() + 1_000_000) + "/drafts", null, null, 404},
                {annotator, "GET", "/api/assignments/" + world.aid() + "/drafts", null, null, 409},
        };
        List<String> failures = new ArrayList<>();
        for (Object[] c : cases) {
            RequestSpecification spec = given().auth().preemptive().basic((String) c[0],
                            Api.ADMIN.equals(c[0]) ? Api.ADMIN_PASSWORD : Api.PASSWORD)
                    .redirects().follow(false).log().ifValidationFails(LogDetail.ALL);
            if (c[3] != null) {
                spec.contentType((String) c[3]).body(((String) c[4]).getBytes(StandardCharsets.UTF_8));
            }
            Response r = spec.request((String) c[1], (String) c[2]);
            String label = c[1] + " " + c[2] + " " + (c[4] == null ? "" : c[4]);
            try {
                assertEquals((int) c[5], r.statusCode(), label + " -> " + r.asString());
                assertSafeProblem(r, (int) c[5]);
            } catch (AssertionError e) {
                failures.add(label + ": " + e.getMessage());
            }
        }
        assertTrue(failures.isEmpty(), "API errors that are not safe problem documents:\n  "
                + String.join("\n  ", failures));
    }

    // ------------------------------------------------------------------------------------------

    private static Response send(Request request, String user, String password, boolean html) {
        RequestSpecification spec = given().redirects().follow(false).log().ifValidationFails(LogDetail.ALL);
        if (user != null) {
            spec.auth().preemptive().basic(user, password);
        }
        if (html) {
            spec.accept(ContentType.HTML);
        }
        if (request.body() instanceof byte[] bytes) {
            spec.contentType(request.contentType()).body(bytes);
        } else if (FORM.equals(request.contentType())) {
            @SuppressWarnings("unchecked")
            Map<String, String> fields = (Map<String, String>) request.body();
            spec.cookie("csrf-token", CSRF).contentType(FORM).formParams(fields);
        } else if (request.body() != null) {
            spec.contentType(request.contentType()).body(request.body());
        }
        return spec.request(request.method(), request.path());
    }

    /** A draft of a new item of the world's project that names its model, imported by the world's ops user. */
    private static long flaggedDraft(World w) {
        String item = TestData.unique("leak");
        Api.as(w.fixture().ops()).contentType("application/x-ndjson").body(("{\"externalId\":\"" + item
                        + "\",\"input\":\"Who are you?\",\"drafts\":[{\"model\":\"m\",\"family\":\"f\",\"version\":\"v1\","
                        + "\"text\":\"I am Claude.\"}]}\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + w.projectId() + "/items").then().statusCode(200);
        return Api.as(w.fixture().ops()).get("/api/projects/" + w.projectId() + "/drafts/flagged").then().statusCode(200)
                .extract().jsonPath().getLong("drafts.find { it.itemExternalId == '" + item + "' }.id");
    }

    /** The externalId of a new item nobody has been handed, gold with {@code gold} as its answer unless null. */
    private static String freshItem(World w, String gold) {
        String item = TestData.unique("fresh");
        Api.as(w.fixture().ops()).contentType("application/x-ndjson").body(("{\"externalId\":\"" + item
                        + "\",\"input\":\"A question\"" + (gold == null ? "" : ",\"gold\":\"" + gold + "\"") + "}\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + w.projectId() + "/items").then().statusCode(200);
        return item;
    }

    /** A user's id, from the admin's list of accounts. */
    private static long idOf(String username) {
        return Api.as(Api.ADMIN).get("/api/users").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.username == '" + username + "' }.id");
    }

    private static String abbreviated(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 400 ? flat : flat.substring(0, 400) + "…";
    }

    private static void assertUnauthenticatedProblem(Response r, String path) {
        assertEquals(401, r.statusCode(), path);
        assertTrue(r.contentType().startsWith(PROBLEM), path + " 401 content type: " + r.contentType());
        String challenge = r.getHeader("WWW-Authenticate");
        assertNotNull(challenge, path + " 401 carries a WWW-Authenticate challenge");
        assertTrue(challenge.startsWith("Basic"), path + " challenge: " + challenge);
    }

    private static void assertSafeProblem(Response r, int status) {
        assertNotNull(r.contentType(), "a problem has a content type");
        assertTrue(r.contentType().startsWith(PROBLEM), "content type " + r.contentType() + ": " + r.asString());
        JsonPath problem = r.jsonPath();
        for (String field : List.of("type", "title", "detail")) {
            String value = problem.getString(field);
            assertNotNull(value, "problem has " + field + ": " + r.asString());
            assertFalse(value.isBlank(), "problem " + field + " is not blank: " + r.asString());
        }
        assertEquals(status, problem.getInt("status"), "problem status matches the HTTP status");
        assertNoInternals(r.asString());
    }

    private static void assertNoInternals(String body) {
        for (String internal : List.of("Exception", "dev.blindfold", "\tat ", "com.fasterxml")) {
            assertFalse(body.contains(internal), "the body reveals '" + internal + "': " + body);
        }
    }

    private static Map<String, Route> routes(Route... routes) {
        Map<String, Route> byName = new java.util.LinkedHashMap<>();
        for (Route r : routes) {
            byName.put(r.name(), r);
        }
        return byName;
    }
}
