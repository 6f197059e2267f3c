package dev.blindfold.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
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
