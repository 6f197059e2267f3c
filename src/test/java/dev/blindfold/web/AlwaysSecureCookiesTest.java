package dev.blindfold.web;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** {@code secure-cookies=always} marks cookies Secure over plain HTTP; an untrusted proxy's https claim is ignored. */
@QuarkusTest
@TestProfile(UntrustedProxyAlwaysSecureProfile.class)
class AlwaysSecureCookiesTest {

    @Test
    void cookiesAreSecureOverPlainHttpWhenSetToAlways() {
        Response page = Api.as(TestData.user("annotator")).accept("text/html").get("/");
        page.then().statusCode(200);
        assertTrue(SecurityHeadersTest.isSecure(SecurityHeadersTest.csrfCookie(page)), SecurityHeadersTest.csrfCookie(page));
    }

    @Test
    void anUntrustedProxysHttpsClaimIsNotTls() {
        Response page = Api.as(TestData.user("annotator")).header("X-Forwarded-Proto", "https").accept("text/html").get("/");
        page.then().statusCode(200);
        assertNull(page.header("Strict-Transport-Security"), "a request from an untrusted address is not taken as TLS");
    }
}
