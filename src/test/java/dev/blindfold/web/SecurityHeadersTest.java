package dev.blindfold.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.RawHttp;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URL;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every kind of response carries the hardening headers: pages, JSON, problems, error pages, redirects, static
 * assets, /q/*, and answers given before any resource runs. Pages and data are never stored by the browser.
 */
@QuarkusTest
class SecurityHeadersTest {

    @TestHTTPResource("/")
    URL base;

    /** One response of each kind, by what it is. */
    private Map<String, Response> everyKind() throws IOException {
        Fixture f = TestData.freeText(1, 1, 1, "REVEAL_AFTER_COMMIT");
        long aid = TestData.next(f.annotator(), f.projectId());
        Map<String, Response> r = new LinkedHashMap<>();
        r.put("sign-in page", given().get("/login"));
        r.put("queue page", Api.as(f.annotator()).accept("text/html").get("/"));
        r.put("item page", Api.as(f.annotator()).accept("text/html").get("/assignments/" + aid));
        r.put("ops overview", Api.as(f.ops()).accept("text/html").get("/projects/" + f.projectId() + "/overview"));
        r.put("audit page", Api.as(f.auditor()).accept("text/html").get("/projects/" + f.projectId() + "/audit"));
        r.put("API JSON", Api.as(f.auditor()).get("/api/assignments/" + aid + "/events"));
        r.put("API 409 problem", Api.as(f.annotator()).get("/api/assignments/" + aid + "/drafts"));
        r.put("API 401 problem", Api.anonymous().get("/api/projects"));
        r.put("API 404 problem", Api.as(f.ops()).get("/api/no-such-route"));
        r.put("HTML 404 error page", Api.as(f.ops()).accept("text/html").get("/no-such-page"));
        r.put("redirect to sign in", given().redirects().follow(false).get("/projects/" + f.projectId() + "/overview"));
        r.put("cross-origin refusal", Api.as(f.ops()).header("Origin", "http://evil.example")
                .body(Map.of("name", "x", "taskType", "FREE_TEXT")).post("/api/projects"));
        r.put("health", given().get("/q/health/live"));
        r.put("OpenAPI", given().get("/q/openapi"));
        r.put("script", given().get("/js/item-page.js"));
        r.put("stylesheet", given().get("/css/app.css"));
        r.put("icon", given().get("/favicon.svg"));
        r.put("Swagger UI", given().get("/q/swagger-ui/"));
        return r;
    }

    @Test
    void everyKindOfResponseForbidsFramingSniffingAndCrossOriginReferrers() throws IOException {
        everyKind().forEach((what, r) -> {
            assertNotNull(r.header("Content-Security-Policy"), what + " has a Content-Security-Policy");
            assertEquals("'none'", directives(r).get("frame-ancestors"), what);
            assertEquals("DENY", r.header("X-Frame-Options"), what);
            assertEquals("nosniff", r.header("X-Content-Type-Options"), what);
            assertEquals("same-origin", r.header("Referrer-Policy"), what);
        });
    }

    @Test
    void theBodyLimitsEarly413CarriesTheHeadersToo() throws IOException {
        String head = RawHttp.declaredTooLarge(base, "/api/projects").head().toLowerCase(Locale.ROOT);
        assertTrue(head.startsWith("http/1.1 413"), head);
        assertTrue(head.contains("\r\ncontent-security-policy: default-src 'self';"), head);
        assertTrue(head.contains("\r\nx-frame-options: deny"), head);
        assertTrue(head.contains("\r\ncache-control: no-store"), head);
    }

    @Test
    void pagesAndDataAreNeverStoredWhileScriptsStylesAndImagesMayBe() throws IOException {
        List<String> cacheable = List.of("script", "stylesheet", "icon");
        everyKind().forEach((what, r) -> {
            if (cacheable.contains(what)) {
                assertEquals(200, r.statusCode(), what);
                assertFalse(String.valueOf(r.header("Cache-Control")).contains("no-store"), what + ": " + r.header("Cache-Control"));
            } else {
                assertEquals("no-store", r.header("Cache-Control"), what + " (" + r.statusCode() + ")");
            }
        });
    }

    @Test
    void thePagesPolicyAllowsOnlyThisOriginAndNoInlineScriptOrStyle() throws IOException {
        Map<String, String> expected = Map.of("default-src", "'self'", "script-src", "'self'", "style-src", "'self'",
                "img-src", "'self'", "object-src", "'none'", "base-uri", "'self'", "form-action", "'self'",
                "frame-ancestors", "'none'");
        everyKind().forEach((what, r) -> {
            if (!what.equals("Swagger UI")) {
                Map<String, String> d = directives(r);
                expected.forEach((k, v) -> assertEquals(v, d.get(k), what + ": " + k));
                assertFalse(r.header("Content-Security-Policy").contains("unsafe"), what);
            }
        });
    }

    @Test
    void swaggerUiIsServedWithoutInlineScriptUnderThePagesPolicyPlusDataImages() {
        for (String path : List.of("/q/swagger-ui/", "/q/swagger-ui/index.html")) {
            Response page = given().get(path);
            page.then().statusCode(200).contentType(containsString("text/html"));
            Matcher script = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE)
                    .matcher(page.asString());
            int scripts = 0;
            while (script.find()) {
                scripts++;
                assertTrue(script.group(1).contains("src=") && script.group(2).isBlank(), path + ": inline script " + script.group());
            }
            assertEquals(3, scripts, path + ": Swagger UI's bundle, its preset and /js/swagger-ui-init.js");
            assertTrue(page.asString().contains("src=\"/js/swagger-ui-init.js\""), path);
            Map<String, String> d = directives(page);
            assertEquals("'self'", d.get("script-src"), path);
            assertEquals("'self' " + HeaderPolicy.SWAGGER_LOGO_STYLE, d.get("style-src"), path);
            assertEquals("'self' data:", d.get("img-src"), path);
            assertFalse(page.header("Content-Security-Policy").contains("unsafe"), path);
        }
        given().get("/js/swagger-ui-init.js").then().statusCode(200).body(containsString("SwaggerUIBundle("));
    }

    @Test
    void overPlainHttpNoCookieIsSecureAndNoHstsIsSentEvenWhenTheClientClaimsHttps() {
        String annotator = TestData.user("annotator");
        for (Map<String, String> claim : List.of(Map.<String, String>of(), Map.of("X-Forwarded-Proto", "https"),
                Map.of("Forwarded", "proto=https"), Map.of("X-Forwarded-Ssl", "on"))) {
            Response page = Api.as(annotator).headers(claim).accept("text/html").get("/");
            page.then().statusCode(200);
            assertFalse(isSecure(csrfCookie(page)), claim + ": " + csrfCookie(page));
            assertNull(page.header("Strict-Transport-Security"), claim.toString());
        }
    }

    @Test
    void cookiesTheBrowserSentBackAreNotEchoedWithoutTheirAttributes() {
        String annotator = TestData.user("annotator");
        Response first = Api.as(annotator).accept("text/html").get("/");
        String value = csrfCookie(first).substring("csrf-token=".length()).split(";")[0];
        for (String path : List.of("/", "/api/projects")) {
            Response again = Api.as(annotator).cookie("csrf-token", value).cookie("other", "x").accept("text/html, */*").get(path);
            again.then().statusCode(200);
            for (String setCookie : again.headers().getValues("Set-Cookie")) {
                String lower = setCookie.toLowerCase();
                assertTrue(lower.startsWith("csrf-token=") && lower.contains("path=/") && lower.contains("httponly"),
                        path + ": only the CSRF cookie is set, with all its attributes: " + setCookie);
            }
        }
        for (String path : List.of("/css/app.css", "/q/health/live")) {
            Response r = Api.as(annotator).cookie("csrf-token", value).get(path);
            assertEquals(List.of(), r.headers().getValues("Set-Cookie"), path + " sets no cookie");
        }
    }

    /** The page's CSRF cookie header (quarkus-rest-csrf sets it on pages with forms). */
    static String csrfCookie(Response page) {
        return page.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("csrf-token=")).findFirst()
                .orElseThrow(() -> new AssertionError("no CSRF cookie: " + page.headers()));
    }

    /** Whether a Set-Cookie header value has the Secure attribute. */
    static boolean isSecure(String setCookie) {
        return Arrays.stream(setCookie.split(";")).skip(1).anyMatch(a -> a.strip().equalsIgnoreCase("secure"));
    }

    static Map<String, String> directives(Response r) {
        String csp = r.header("Content-Security-Policy");
        assertNotNull(csp, "Content-Security-Policy on " + r.statusCode());
        return Arrays.stream(csp.split(";")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toMap(s -> s.split(" ", 2)[0], s -> s.contains(" ") ? s.split(" ", 2)[1] : ""));
    }
}
