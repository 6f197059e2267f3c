package dev.blindfold.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.support.Api;
import dev.blindfold.support.Browser;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * B1 Blindness, swept: while an annotator's assignment is uncommitted, no response they can get —
 * any route, any method, JSON or HTML, Basic or browser session, headers, redirects, errors, static
 * assets — carries any draft's text, model, family or version. Routes are discovered, not listed:
 * from the OpenAPI document, united with every JAX-RS resource method found in the compiled classes
 * (so a route hidden from OpenAPI is still swept), plus every file under {@code frontend/}.
 */
@QuarkusTest
class LeakSweepTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION_COOKIE = Browser.SESSION_COOKIE;
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/:]+)(?::[^}]*)?}");

    /** One route template: method, path, the request body types it consumes, whether it renders HTML. */
    record Route(String method, String path, List<String> consumes, List<String> queryParams, boolean html,
                 String source) {
    }

    /** One request the sweep made, for the coverage list. */
    record Call(String method, String template, String concrete, String auth, int status) {
        @Override
        public String toString() {
            return method + " " + template + (concrete.equals(template) ? "" : " (" + concrete + ")")
                    + " [" + auth + "] -> " + status;
        }
    }

    private final List<Call> calls = new ArrayList<>();
    private final List<String> leaks = new ArrayList<>();
    private List<String> secrets = List.of();

    @Test
    void noResponseToTheAnnotatorCarriesAnyDraftBeforeTheBlindCommit() throws IOException {
        decoyProject();
        Fixture f = TestData.freeText(3, 1, 1, "REVEAL_AFTER_COMMIT");
        assertEquals(3 * 8, f.secrets().size(), "3 items x (2 texts + 2 x model/family/version)");
        sweepOver(f, 8);
    }

    /**
     * The same sweep over a project whose items are all gold items: no response carries a draft, nor the item's known
     * answer (a secret of the item like its drafts) before the blind commit.
     */
    @Test
    void noResponseToTheAnnotatorCarriesADraftOrTheKnownAnswerOfAGoldItem() throws IOException {
        decoyProject();
        Fixture f = TestData.freeTextAllGold(3, 1, 1, "REVEAL_AFTER_COMMIT");
        assertEquals(3 * 9, f.secrets().size(), "3 items x (2 texts + 2 x model/family/version + known answer)");
        sweepOver(f, 9);
    }

    private void sweepOver(Fixture f, int secretsPerItem) throws IOException {
        String me = f.annotator();
        secrets = f.secrets();

        Response next = Api.as(me).get("/api/projects/" + f.projectId() + "/next");
        assertEquals(200, next.statusCode());
        long aid = next.jsonPath().getLong("assignmentId");
        record("GET", "/api/projects/{id}/next", "/api/projects/" + f.projectId() + "/next", "basic", next);
        assertNextShowsOnlyTheItem(next);
        String tag = tagOf(next.jsonPath().getString("item.externalId"));
        String input = next.jsonPath().getString("item.input");
        assertEquals(List.of("ITEM_SHOWN"), TestData.eventTypes(f.auditor(), aid),
                "the assignment is handed out and nothing is committed yet");

        String cookie = signIn(me);
        Map<String, String> substitutions = Map.of("project", String.valueOf(f.projectId()), "assignment", String.valueOf(aid));

        // ---- every REST/HTML route, with Basic and with the browser's session cookie ----
        List<Route> routes = routes();
        sweep(routes, substitutions, me, cookie);

        // ---- unknown routes: error pages and problem documents are responses too ----
        for (String path : List.of("/api/does-not-exist", "/does-not-exist", "/assignments/" + (aid + 1_000_000))) {
            for (String auth : List.of("basic", "session")) {
                Route r = new Route("GET", path, List.of(), List.of(), !path.startsWith("/api"), "error");
                request(r, substitutions, auth, me, cookie, false, null);
            }
        }

        // ---- management endpoints ----
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/openapi",
                "/q/openapi?format=json", "/q/metrics", "/q/swagger-ui/", "/q/swagger-ui/index.html")) {
            Response r = spec("basic", me, cookie, false).get(path);
            record("GET", path, path, "basic", r);
        }

        // ---- every static asset under frontend/, at its relative path ----
        Path frontend = Paths.get("frontend");
        assertTrue(Files.isDirectory(frontend), "run from the project base dir: " + frontend.toAbsolutePath());
        List<Path> assets;
        try (Stream<Path> walk = Files.walk(frontend)) {
            assets = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(assets.size() >= 5, "frontend/ has the page scripts and the stylesheet: " + assets);
        for (Path asset : assets) {
            String url = "/" + frontend.relativize(asset).toString().replace('\\', '/');
            Response r = spec("session", me, cookie, false).get(url);
            record("GET", url, url, "session", r);
            assertEquals(200, r.statusCode(), url + " is served at its relative path");
            assertEquals(new String(Files.readAllBytes(asset), StandardCharsets.UTF_8), r.asString(),
                    url + " is served as it is in frontend/");
        }

        // ---- the login itself: its response headers (cookie, Location) are swept too ----
        Response login = Browser.attempt(me, Api.PASSWORD).response();
        record("POST", "/login", "/login", "form", login);

        System.out.println("LeakSweepTest covered " + calls.size() + " requests over " + routes.size()
                + " route templates + " + assets.size() + " static assets:");
        calls.forEach(c -> System.out.println("  " + c));

        assertTrue(leaks.isEmpty(), "draft secrets reached the annotator before the blind commit:\n  "
                + String.join("\n  ", leaks));

        // ---- the sweep cannot have swept nothing ----
        Set<String> templates = new TreeSet<>();
        calls.forEach(c -> templates.add(c.method() + " " + c.template()));
        assertTrue(routes.size() >= 10, "at least 10 route templates discovered: " + routes);
        for (String required : List.of("GET /api/assignments/{aid}/drafts", "GET /api/projects/{id}/next",
                "GET /assignments/{aid}", "GET /projects/{id}/next", "GET /", "GET /login",
                "POST /api/assignments/{aid}/blind", "POST /api/assignments/{aid}/final",
                "POST /api/assignments/{aid}/skip", "POST /api/assignments/{aid}/events")) {
            assertTrue(templates.contains(required), "the sweep covered " + required + ": " + templates);
        }
        assertCalled("GET", "/assignments/{aid}", "basic", 200);
        assertCalled("GET", "/assignments/{aid}", "session", 200);
        assertCalled("GET", "/api/projects/{id}/next", "basic", 200);
        assertCalled("GET", "/api/projects/{id}/next", "session", 200);
        assertCalled("GET", "/api/assignments/{aid}/drafts", "basic", 409);
        assertCalled("GET", "/api/assignments/{aid}/drafts", "session", 409);
        assertCalled("GET", "/projects/{id}/next", "session", 303);
        assertCalled("GET", "/api/projects/{id}/guidelines", "basic", 403);
        assertCalled("POST", "/projects/{id}/guidelines", "session", 403);
        Response page = spec("session", me, cookie, true).get("/assignments/" + aid);
        record("GET", "/assignments/{aid}", "/assignments/" + aid, "session", page);
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
        assertEquals(200, page.statusCode());
        assertTrue(page.asString().contains("data-assignment=\"" + aid + "\""), "the real item page was swept");
        assertTrue(page.asString().contains(input.substring(0, 10)), "the item page shows the item's input");

        // ---- the sweep committed nothing: the assignment is still blind ----
        Api.as(me).get("/api/assignments/" + aid + "/drafts").then().statusCode(409);
        assertEquals(aid, TestData.next(me, f.projectId()), "the same assignment is still open");
        List<String> types = TestData.eventTypes(f.auditor(), aid);
        assertFalse(types.isEmpty());
        assertTrue(types.stream().allMatch("ITEM_SHOWN"::equals), "only showings were recorded: " + types);

        // ---- positive control: after the commit the drafts do reach the annotator, and are found ----
        TestData.commit(me, aid, "my own blind answer");
        Response drafts = Api.as(me).get("/api/assignments/" + aid + "/drafts");
        assertEquals(200, drafts.statusCode());
        List<Map<String, Object>> shown = drafts.jsonPath().getList("$");
        assertEquals(2, shown.size());
        assertTrue(shown.stream().allMatch(d -> d.keySet().equals(Set.of("slot", "text", "html"))),
                "drafts show only slot, text and its HTML, never model, family or version: " + shown);
        List<String> itemSecrets = secrets.stream().filter(s -> s.contains(tag)).toList();
        assertEquals(secretsPerItem, itemSecrets.size(), "the fixture's secrets of item " + tag);
        Set<String> expectedTexts = Set.of("zdrafttext" + tag + "a is the first model's answer",
                "zdrafttext" + tag + "b is the second model's answer");
        assertTrue(itemSecrets.containsAll(expectedTexts));
        assertEquals(expectedTexts, Set.copyOf(drafts.jsonPath().getList("text", String.class)));
        assertEquals(expectedTexts, Set.copyOf(found(drafts, secrets)),
                "the leak search finds exactly the revealed texts in the drafts response");
    }

    /**
     * An account stored with annotator beside ops or auditor (as admins could create before that was refused) acts
     * without the annotator role: swept over every route, it is refused every annotator route, gets no assignment and
     * commits nothing, so there is no item it could see the drafts of before its own commit. And no admin can create
     * such an account today.
     */
    @Test
    void aLegacyDualRoleAccountGetsNoAssignmentWhateverItCalls() throws Exception {
        for (String other : List.of("ops", "auditor", "admin")) {
            Api.as(Api.ADMIN).body(Map.of("username", TestData.unique("dual"), "password", Api.PASSWORD,
                    "roles", List.of("annotator", other))).post("/api/users").then().statusCode(400)
                    .body("type", org.hamcrest.Matchers.equalTo("urn:blindfold:problem:role-conflict"));
        }
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        long othersOpen = TestData.next(f.annotator(), f.projectId());
        List<Route> routes = routes();
        for (String other : List.of("ops", "auditor")) {
            String dual = TestData.unique("legacy-" + other);
            long dualId = LegacyAccounts.insert(dataSource, dual, "annotator," + other, f.projectId());
            String cookie = signIn(dual);
            calls.clear();
            sweep(routes, Map.of("project", String.valueOf(f.projectId()), "assignment", String.valueOf(othersOpen)),
                    dual, cookie);
            for (String auth : List.of("basic", "session")) {
                assertCalled("GET", "/api/projects/{id}/next", auth, 403);
                assertCalled("GET", "/projects/{id}/next", auth, 403);
                assertCalled("GET", "/assignments/{aid}", auth, 403);
                assertCalled("POST", "/api/assignments/{aid}/blind", auth, 403);
            }
            List<Call> annotatorCalls = calls.stream().filter(c -> ANNOTATOR_ROUTES.contains(c.method() + " "
                    + c.template().replaceFirst("\\?.*$", ""))).toList();
            assertTrue(annotatorCalls.size() >= ANNOTATOR_ROUTES.size() * 2, "swept: " + annotatorCalls);
            assertTrue(annotatorCalls.stream().allMatch(c -> c.status() == 403),
                    "every annotator route refuses " + dual + ": " + annotatorCalls);
            assertEquals(0, LegacyAccounts.count(dataSource, "SELECT COUNT(*) FROM assignments WHERE annotator_id = ?", dualId),
                    other + "+annotator got no assignment");
            // on assignments only: as ops the account may redact or drop a draft nobody answered (an event of its own)
            assertEquals(0, LegacyAccounts.count(dataSource, "SELECT COUNT(*) FROM events WHERE actor_id = ?"
                    + " AND assignment_id IS NOT NULL", dualId), other + "+annotator was shown nothing and committed nothing");
        }
        assertEquals(List.of("ITEM_SHOWN"), TestData.eventTypes(f.auditor(), othersOpen),
                "the other annotator's open assignment is untouched");
    }

    /**
     * A reviewer is blind about drafts as an annotator is (B1): while the item they hold for review is uncommitted, no
     * response to them carries its drafts. Swept for a reviewer account and for an annotator+reviewer account stored
     * before that pair was refused, a member of another project: it acts as a reviewer only, so it gets no assignment
     * there either.
     */
    @Test
    void noResponseToAReviewerCarriesAnyDraftBeforeTheirAdjudicationCommit() throws Exception {
        List<Route> routes = routes();
        String reviewer = TestData.user("reviewer");
        String both = TestData.unique("annotator-reviewer");
        Api.as(Api.ADMIN).body(Map.of("username", both, "password", Api.PASSWORD, "roles", List.of("annotator", "reviewer")))
                .post("/api/users").then().statusCode(400).body("type", containsString("role-conflict"));
        Fixture labeled = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        LegacyAccounts.insert(dataSource, both, "annotator,reviewer", labeled.projectId());
        long open = TestData.next(labeled.annotators().get(0), labeled.projectId());
        for (String who : List.of(reviewer, both)) {
            Fixture p = TestData.freeText(1, 2, 2, "REVEAL_AFTER_COMMIT");
            Api.as(p.ops()).body(Map.of("adjudicationBelow", 1.0)).patch("/api/projects/" + p.projectId()).then()
                    .statusCode(200);
            long first = TestData.next(p.annotators().get(0), p.projectId());
            TestData.commit(p.annotators().get(0), first, "one blind answer");
            TestData.commit(p.annotators().get(1), TestData.next(p.annotators().get(1), p.projectId()), "another");
            Response shown = Api.as(who).get("/api/projects/" + p.projectId() + "/review/next");
            assertEquals(200, shown.statusCode());
            String item = String.valueOf(shown.jsonPath().getLong("itemId"));
            secrets = new ArrayList<>(p.secrets());
            secrets.addAll(labeled.secrets());
            String cookie = signIn(who);
            calls.clear();
            for (String project : List.of(String.valueOf(p.projectId()), String.valueOf(labeled.projectId()))) {
                sweep(routes, Map.of("project", project, "assignment", String.valueOf(who.equals(both) ? open : first),
                        "item", item), who, cookie);
            }
            assertTrue(leaks.isEmpty(), who + " got draft secrets before committing:\n  " + String.join("\n  ", leaks));
            for (String auth : List.of("basic", "session")) {
                assertCalled("GET", "/api/review/items/{itemId}/drafts", auth, 409);
                assertCalled("GET", "/review/projects/{id}", auth, 200);
            }
            // positive control: after the commit the drafts do reach the reviewer
            Api.as(who).body(Map.of("pickedSlot", 1)).post("/api/review/items/" + item + "/commit").then().statusCode(200);
            Response drafts = Api.as(who).get("/api/review/items/" + item + "/drafts");
            assertEquals(200, drafts.statusCode());
            assertEquals(2, found(drafts, p.secrets()).size(), "the leak search finds the two revealed texts");
        }
        Api.as(both).get("/api/projects/" + labeled.projectId() + "/next").then().statusCode(403);
    }

    /** The routes only an annotator may call. */
    private static final Set<String> ANNOTATOR_ROUTES = Set.of("GET /api/projects/{id}/next",
            "GET /api/assignments/{aid}/drafts", "POST /api/assignments/{aid}/blind", "POST /api/assignments/{aid}/final",
            "POST /api/assignments/{aid}/skip", "POST /api/assignments/{aid}/events", "GET /projects/{id}/next",
            "GET /assignments/{aid}");

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    /** Every route with Basic and with the session cookie, each query and body variant, redirects followed once. */
    private void sweep(List<Route> routes, Map<String, String> substitutions, String user, String cookie) {
        for (Route route : routes) {
            for (String auth : List.of("basic", "session")) {
                for (boolean withQuery : route.queryParams().isEmpty() ? List.of(false) : List.of(false, true)) {
                    for (String bodyType : bodyTypes(route)) {
                        Response r = request(route, substitutions, auth, user, cookie, withQuery, bodyType);
                        followRedirect(route, r, auth, user, cookie);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------

    /** A project nobody works on, so this test's project id and assignment id differ even on a fresh database. */
    private static void decoyProject() {
        Api.as(TestData.user("ops")).body(Map.of("name", TestData.unique("decoy"), "taskType", "FREE_TEXT"))
                .post("/api/projects").then().statusCode(201);
    }

    private static void assertNextShowsOnlyTheItem(Response next) throws IOException {
        JsonNode body = JSON.readTree(next.asString());
        assertEquals(Set.of("assignmentId", "position", "total", "item"), fieldNames(body),
                "next carries no draft count, length or anything else");
        assertEquals(Set.of("externalId", "input"), fieldNames(body.get("item")),
                "the item carries only its id and input");
    }

    private static Set<String> fieldNames(JsonNode node) {
        assertNotNull(node);
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String tagOf(String externalId) {
        return externalId.substring(externalId.lastIndexOf('-') + 1);
    }

    private void assertCalled(String method, String template, String auth, int status) {
        assertTrue(calls.stream().anyMatch(c -> c.method().equals(method) && c.template().equals(template)
                        && c.auth().equals(auth) && c.status() == status),
                method + " " + template + " [" + auth + "] -> " + status + " was among: " + calls);
    }

    // ---- route discovery ---------------------------------------------------------------------

    /** Routes from the OpenAPI document, united with the JAX-RS resource methods of the compiled classes. */
    private static List<Route> routes() throws IOException {
        Map<String, Route> routes = new LinkedHashMap<>();
        JsonNode doc = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        JsonNode paths = doc.get("paths");
        assertNotNull(paths, "the OpenAPI document lists paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS").contains(method)) {
                    continue;
                }
                List<String> consumes = new ArrayList<>();
                op.getValue().path("requestBody").path("content").fieldNames().forEachRemaining(consumes::add);
                List<String> query = new ArrayList<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    if ("query".equals(p.path("in").asText())) {
                        query.add(p.path("name").asText());
                    }
                }
                boolean html = false;
                for (JsonNode response : op.getValue().path("responses")) {
                    html |= response.path("content").has("text/html");
                }
                routes.put(method + " " + path.getKey(),
                        new Route(method, path.getKey(), consumes, query, html, "openapi"));
            }
        }
        List<Route> scanned = jaxRsRoutes();
        assertTrue(scanned.size() >= 10, "the class scan found the resource methods: " + scanned);
        for (Route r : scanned) {
            Route known = routes.putIfAbsent(r.method() + " " + r.path(), r);
            if (known == null) {
                System.out.println("LeakSweepTest: route not in OpenAPI, swept from the class scan: "
                        + r.method() + " " + r.path());
            }
        }
        return List.copyOf(routes.values());
    }

    /** Every JAX-RS resource method in the application's compiled classes (target/classes). */
    private static List<Route> jaxRsRoutes() throws IOException {
        Path classes = Paths.get("target", "classes");
        assertTrue(Files.isDirectory(classes), "compiled classes at " + classes.toAbsolutePath());
        List<String> names;
        try (Stream<Path> walk = Files.walk(classes)) {
            names = walk.map(p -> classes.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith(".class") && !n.endsWith("package-info.class") && !n.startsWith("META-INF"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Route> routes = new ArrayList<>();
        for (String name : names) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            jakarta.ws.rs.Path classPath = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                String httpMethod = null;
                for (var a : m.getAnnotations()) {
                    jakarta.ws.rs.HttpMethod hm = a.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
                    if (hm != null) {
                        httpMethod = hm.value();
                    }
                }
                if (httpMethod == null) {
                    continue;
                }
                jakarta.ws.rs.Path methodPath = m.getAnnotation(jakarta.ws.rs.Path.class);
                String path = join(classPath.value(), methodPath == null ? "" : methodPath.value());
                jakarta.ws.rs.Consumes consumes = m.getAnnotation(jakarta.ws.rs.Consumes.class);
                jakarta.ws.rs.Produces produces = m.getAnnotation(jakarta.ws.rs.Produces.class);
                if (produces == null) {
                    produces = type.getAnnotation(jakarta.ws.rs.Produces.class);
                }
                boolean html = produces != null && List.of(produces.value()).contains("text/html");
                routes.add(new Route(httpMethod, path,
                        consumes == null ? List.of("application/json") : List.of(consumes.value()),
                        List.of(), html, "class scan"));
            }
        }
        return routes;
    }

    private static String join(String a, String b) {
        String joined = ("/" + a + "/" + b).replaceAll("/+", "/");
        joined = PATH_PARAM.matcher(joined).replaceAll("{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    // ---- requests ----------------------------------------------------------------------------

    /**
     * The bodies a route is sent: none for GET and the like; {@code {}} as JSON when it takes JSON (or
     * declares nothing); an empty body in each other type it consumes (NDJSON, text, a page's form). None of them
     * may commit anything.
     */
    private static List<String> bodyTypes(Route route) {
        if (!BODY_METHODS.contains(route.method())) {
            return java.util.Collections.singletonList(null);
        }
        List<String> types = new ArrayList<>();
        if (route.consumes().isEmpty() || route.consumes().contains("application/json")) {
            types.add("application/json");
        }
        route.consumes().stream().filter(t -> !t.equals("application/json")).forEach(types::add);
        return types;
    }

    private Response request(Route route, Map<String, String> ids, String auth, String user, String cookie,
                             boolean withQuery, String bodyType) {
        String concrete = substitute(route.path(), ids);
        RequestSpecification spec = spec(auth, user, cookie, route.html());
        if (withQuery) {
            for (String q : route.queryParams()) {
                spec.queryParam(q, queryValue(q, ids));
            }
        }
        if ("application/json".equals(bodyType)) {
            spec.contentType(bodyType).body("{}");
        } else if ("application/x-www-form-urlencoded".equals(bodyType)) {
            spec.contentType(bodyType).body(""); // REST Assured encodes form bodies from text, not bytes
        } else if (bodyType != null) {
            spec.contentType(bodyType).body(new byte[0]);
        }
        Response r = spec.request(route.method(), concrete);
        String shown = (withQuery ? concrete + "?" + String.join("&", route.queryParams().stream()
                .map(q -> q + "=" + queryValue(q, ids)).toList()) : concrete)
                + (bodyType == null ? "" : " body " + ("application/json".equals(bodyType) ? "{}" : "empty " + bodyType));
        record(route.method(), route.path() + (withQuery ? "?" + String.join("&", route.queryParams()) : ""),
                shown, auth, r);
        return r;
    }

    /** A redirect is not followed by the client, but its target is fetched once and swept as well. */
    private void followRedirect(Route route, Response r, String auth, String user, String cookie) {
        String location = r.getHeader("Location");
        if (r.statusCode() / 100 != 3 || location == null) {
            return;
        }
        URI target = URI.create(location);
        String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        if (target.getHost() != null && !"localhost".equals(target.getHost())) {
            return;
        }
        Response followed = spec(auth, user, cookie, route.html()).get(path);
        record("GET", "(redirect of " + route.method() + " " + route.path() + ") " + target.getRawPath(), path,
                auth, followed);
    }

    private static RequestSpecification spec(String auth, String user, String cookie, boolean html) {
        RequestSpecification spec = given().redirects().follow(false)
                .accept(html ? "text/html,application/xhtml+xml,*/*;q=0.8" : "application/json, */*;q=0.5");
        return switch (auth) {
            case "basic" -> spec.auth().preemptive().basic(user, Api.PASSWORD);
            case "session" -> spec.cookie(SESSION_COOKIE, cookie);
            default -> throw new IllegalArgumentException(auth);
        };
    }

    private static String substitute(String template, Map<String, String> ids) {
        Matcher m = PATH_PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(paramValue(m.group(1), ids)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String paramValue(String name, Map<String, String> ids) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("aid") || n.equals("assignmentid") || n.equals("assignment")) {
            return ids.get("assignment");
        }
        if (n.equals("id") || n.equals("projectid") || n.equals("project") || n.equals("pid")) {
            return ids.get("project");
        }
        if (n.equals("itemid") && ids.containsKey("item")) {
            return ids.get("item");
        }
        return "1";
    }

    private static String queryValue(String name, Map<String, String> ids) {
        String n = name.toLowerCase(Locale.ROOT);
        if (Set.of("error", "signedout").contains(n)) {
            return "true";
        }
        if (n.equals("finished")) {
            return ids.get("project");
        }
        return paramValue(name, ids);
    }

    private static String signIn(String user) {
        return Browser.signIn(user).session();
    }

    // ---- the search --------------------------------------------------------------------------

    /** Notes the request for the coverage list and searches its response for every draft secret. */
    private void record(String method, String template, String concrete, String auth, Response r) {
        calls.add(new Call(method, template, concrete, auth, r.statusCode()));
        for (String secret : found(r, secrets)) {
            leaks.add(method + " " + concrete + " [" + auth + "] -> " + r.statusCode() + " carries '" + secret + "'");
        }
    }

    /** The secrets found in a response's body or any header, in raw, HTML-, JSON- or URL-decoded form. */
    static List<String> found(Response r, List<String> secrets) {
        StringBuilder text = new StringBuilder(new String(r.asByteArray(), StandardCharsets.UTF_8));
        for (Header h : r.getHeaders()) {
            text.append('\n').append(h.getName()).append(": ").append(h.getValue());
        }
        String raw = text.toString();
        String haystack = String.join("\n", raw, htmlUnescape(raw), jsonUnescape(raw), urlDecode(raw))
                .toLowerCase(Locale.ROOT);
        Set<String> hits = new LinkedHashSet<>();
        for (String secret : secrets) {
            String s = secret.toLowerCase(Locale.ROOT);
            String firstWord = s.split("\\s+")[0];
            if (haystack.contains(s) || (firstWord.length() >= 12 && haystack.contains(firstWord))) {
                hits.add(secret);
            }
        }
        return List.copyOf(hits);
    }

    private static String htmlUnescape(String s) {
        Matcher m = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            m.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(code))));
        }
        m.appendTail(out);
        return out.toString().replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String jsonUnescape(String s) {
        Matcher m = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString().replace("\\/", "/").replace("\\\"", "\"");
    }

    private static String urlDecode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s.replaceAll("%20", " ").replaceAll("%27", "'");
        }
    }
}
