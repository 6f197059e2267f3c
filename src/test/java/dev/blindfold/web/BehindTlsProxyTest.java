package dev.blindfold.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.Browser;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behind a trusted TLS-terminating proxy, what it forwards as https gets Secure cookies and HSTS; plain HTTP does not. */
@QuarkusTest
@TestProfile(TlsProxyProfile.class)
class BehindTlsProxyTest {

    @Test
    void httpsForwardedByTheTrustedProxyGetsSecureCookiesAndHsts() {
        String annotator = TestData.user("annotator");
        Response page = Api.as(annotator).header("X-Forwarded-Proto", "https").accept("text/html").get("/");
        page.then().statusCode(200);
        assertTrue(SecurityHeadersTest.isSecure(SecurityHeadersTest.csrfCookie(page)), SecurityHeadersTest.csrfCookie(page));
        assertEquals("max-age=3600; includeSubDomains", page.header("Strict-Transport-Security"));
        String value = SecurityHeadersTest.csrfCookie(page).substring("csrf-token=".length()).split(";")[0];
        Response next = Api.as(annotator).header("X-Forwarded-Proto", "https").cookie("csrf-token", value)
                .accept("text/html").get("/");
        next.then().statusCode(200);
        assertTrue(next.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("csrf-token="))
                        .allMatch(SecurityHeadersTest::isSecure) && !next.headers().getValues("Set-Cookie").isEmpty(),
                "the refreshed cookie, sent again by the browser, is Secure too: " + next.headers().getValues("Set-Cookie"));
        assertEquals("max-age=3600; includeSubDomains",
                Api.as(annotator).header("X-Forwarded-Proto", "https").get("/api/projects").header("Strict-Transport-Security"),
                "HSTS on API answers too");
    }

    @Test
    void theSessionCookieIsSecureExactlyWhenTheSignInCameOverTls() {
        String annotator = TestData.user("annotator");
        for (boolean tls : new boolean[] {true, false}) {
            Map<String, String> proto = tls ? Map.of("X-Forwarded-Proto", "https") : Map.of();
            Response form = given().headers(proto).get("/login");
            String csrf = form.getCookie(Browser.CSRF);
            String token = form.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
            Response signedIn = given().redirects().follow(false).headers(proto).cookie(Browser.CSRF, csrf)
                    .contentType(Browser.FORM).formParam(Browser.CSRF, token).formParam("username", annotator)
                    .formParam("password", Api.PASSWORD).post("/login");
            signedIn.then().statusCode(303);
            String session = signedIn.headers().getValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(Browser.SESSION_COOKIE + "=")).findFirst().orElseThrow();
            assertEquals(tls, SecurityHeadersTest.isSecure(session), proto + ": " + session);
            String value = session.substring(Browser.SESSION_COOKIE.length() + 1).split(";")[0];
            Response out = given().redirects().follow(false).headers(proto).cookie(Browser.SESSION_COOKIE, value)
                    .cookie(Browser.CSRF, csrf).contentType(Browser.FORM).formParam(Browser.CSRF, token).post("/logout");
            out.then().statusCode(303);
            String cleared = out.headers().getValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(Browser.SESSION_COOKIE + "=")).findFirst().orElseThrow();
            assertEquals(tls, SecurityHeadersTest.isSecure(cleared), proto + ": " + cleared);
        }
    }

    @Test
    void plainHttpThroughTheSameProxyGetsNeither() {
        String annotator = TestData.user("annotator");
        for (Map<String, String> proto : java.util.List.of(Map.<String, String>of(), Map.of("X-Forwarded-Proto", "http"))) {
            Response page = Api.as(annotator).headers(proto).accept("text/html").get("/");
            page.then().statusCode(200);
            assertFalse(SecurityHeadersTest.isSecure(SecurityHeadersTest.csrfCookie(page)), proto + ": " + SecurityHeadersTest.csrfCookie(page));
            assertNull(page.header("Strict-Transport-Security"), proto.toString());
        }
    }
}
