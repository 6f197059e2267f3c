package dev.blindfold.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.Browser;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Form sign-in for the browser (CSRF-protected, same-origin), HTTP Basic for scripts, CSRF-protected sign-out. */
@QuarkusTest
class SignInTest {

    private static String signIn(String username, String password) {
        return Browser.signIn(username, password).session();
    }

    @Test
    void anonymousPagesRedirectToTheSignInFormAndApiSays401() {
        given().redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", endsWith("/login"));
        given().get("/login").then().statusCode(200).body(containsString("action=\"/login\""));
        Api.anonymous().get("/api/projects").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"));
    }

    /**
     * A page's own script (fetch, sendBeacon: Sec-Fetch-Mode other than navigate) that outlives its session, such as
     * the item page sending its last events as the annotator signs out, must not get a Basic challenge: browsers answer
     * one with their native sign-in dialog, which popped up over the sign-in form (and took its focus).
     */
    @Test
    void aPageScriptIsNotChallengedWithBasicSoTheBrowserShowsNoSignInDialog() {
        for (String mode : List.of("cors", "same-origin", "no-cors")) {
            String challenge = Api.anonymous().header("Sec-Fetch-Mode", mode).body("[]")
                    .post("/api/assignments/1/events").then().statusCode(401).contentType("application/problem+json")
                    .extract().header("WWW-Authenticate");
            assertEquals("Bearer realm=\"blindfold\"", challenge, mode);
        }
        Api.anonymous().header("Sec-Fetch-Mode", "navigate").get("/api/projects").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"));
        given().auth().preemptive().basic("nobody-" + System.nanoTime(), "wrong").header("Sec-Fetch-Mode", "cors")
                .get("/api/projects").then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer realm=\"blindfold\""));
    }

    @Test
    void formSignInGivesASessionThatOpensTheQueue() {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        String session = signIn(f.annotator(), Api.PASSWORD);
        given().cookie(Browser.SESSION_COOKIE, session).get("/").then().statusCode(200)
                .body(containsString("0 of 2")).body(containsString("/projects/" + f.projectId() + "/next"));
    }

    @Test
    void wrongPasswordReturnsToTheFormWithAnError() {
        String annotator = TestData.user("annotator");
        Response wrong = Browser.attempt(annotator, "wrong-password").response();
        wrong.then().statusCode(303).header("Location", containsString("/login?error"));
        assertTrue(wrong.getCookie(Browser.SESSION_COOKIE) == null, "no session for a wrong password");
        given().get("/login?error=true").then().statusCode(200).body(containsString("Wrong username or password"));
    }

    @Test
    void theSignInPageRendersEvenWithBadCredentialsAttached() {
        given().auth().preemptive().basic("nobody", "wrong-password").get("/login").then().statusCode(200)
                .body(containsString("action=\"/login\""));
        given().header("Authorization", "Bearer bf_not-a-token").get("/login").then().statusCode(200);
    }

    @Test
    void aCrossSiteSignInPostIsRefused() {
        String annotator = TestData.user("annotator");
        Browser.Attempt page = Browser.attempt(annotator, "wrong-password"); // for a valid CSRF pair
        given().redirects().follow(false).header("Origin", "http://evil.example")
                .cookie(Browser.CSRF, page.csrfCookie()).contentType(Browser.FORM).formParam(Browser.CSRF, page.csrfToken())
                .formParam("username", annotator).formParam("password", Api.PASSWORD)
                .post("/login").then().statusCode(403).header("Set-Cookie", equalTo(null));
        String sameOrigin = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
        given().redirects().follow(false).header("Origin", sameOrigin)
                .cookie(Browser.CSRF, page.csrfCookie()).contentType(Browser.FORM).formParam(Browser.CSRF, page.csrfToken())
                .formParam("username", annotator).formParam("password", Api.PASSWORD)
                .post("/login").then().statusCode(303);
    }

    @Test
    void aSignInPostWithoutTheCsrfTokenIsRefused() {
        String annotator = TestData.user("annotator");
        Response noToken = given().redirects().follow(false).contentType(Browser.FORM)
                .formParam("username", annotator).formParam("password", Api.PASSWORD).post("/login");
        assertEquals(400, noToken.statusCode());
        assertTrue(noToken.getCookie(Browser.SESSION_COOKIE) == null);
        Response json = given().redirects().follow(false).contentType("application/json")
                .body(java.util.Map.of("username", annotator, "password", Api.PASSWORD)).post("/login");
        assertTrue(json.statusCode() == 400 || json.statusCode() == 415, "refused: " + json.statusCode());
        assertTrue(json.getCookie(Browser.SESSION_COOKIE) == null);
    }

    @Test
    void signOutWithoutTheCsrfTokenIsRefused() {
        String annotator = TestData.user("annotator");
        String session = signIn(annotator, Api.PASSWORD);
        given().redirects().follow(false).cookie(Browser.SESSION_COOKIE, session)
                .contentType("application/x-www-form-urlencoded").formParam("x", "y")
                .post("/logout").then().statusCode(equalTo(400));
        given().redirects().follow(false).cookie(Browser.SESSION_COOKIE, session).post("/logout")
                .then().statusCode(equalTo(400));
        given().cookie(Browser.SESSION_COOKIE, session).get("/api/tokens").then().statusCode(200);
    }

    @Test
    void signOutWithTheTokenFromThePageEndsTheSession() {
        String annotator = TestData.user("annotator");
        Browser browser = Browser.signIn(annotator, Api.PASSWORD);
        Response page = browser.page().get("/");
        String token = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        assertEquals(browser.csrfToken(), token, "pages keep handing out the CSRF token of the cookie");
        Response out = browser.form().post("/logout");
        out.then().statusCode(303).header("Location", containsString("/login?signedout"));
        assertTrue(out.getHeaders().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(Browser.SESSION_COOKIE + "=;") && c.contains("Max-Age=0")),
                "session cookie cleared: " + out.getHeaders().getValues("Set-Cookie"));
    }
}
