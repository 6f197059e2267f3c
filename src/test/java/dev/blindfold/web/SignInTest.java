package dev.blindfold.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Form sign-in for the browser, HTTP Basic for scripts, CSRF-protected sign-out. */
@QuarkusTest
class SignInTest {

    private static String signIn(String username, String password) {
        Response r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
        r.then().statusCode(302);
        return r.getCookie("quarkus-credential");
    }

    @Test
    void anonymousPagesRedirectToTheSignInFormAndApiSays401() {
        given().redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", endsWith("/login"));
        given().get("/login").then().statusCode(200).body(containsString("j_security_check"));
        Api.anonymous().get("/api/projects").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"));
    }

    @Test
    void formSignInGivesASessionThatOpensTheQueue() {
        Fixture f = TestData.freeText(2, 1, 1, "REVEAL_AFTER_COMMIT");
        String session = signIn(f.annotator(), Api.PASSWORD);
        given().cookie("quarkus-credential", session).get("/").then().statusCode(200)
                .body(containsString("0 of 2")).body(containsString("/projects/" + f.projectId() + "/next"));
    }

    @Test
    void wrongPasswordReturnsToTheFormWithAnError() {
        String annotator = TestData.user("annotator");
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", annotator).formParam("j_password", "wrong-password")
                .post("/j_security_check").then().statusCode(anyOf(is(302), is(303)))
                .header("Location", containsString("/login?error"));
        given().get("/login?error=true").then().statusCode(200).body(containsString("Wrong username or password"));
    }

    @Test
    void theSignInPageRendersEvenWithBadCredentialsAttached() {
        given().auth().preemptive().basic("nobody", "wrong-password").get("/login").then().statusCode(200)
                .body(containsString("j_security_check"));
        given().header("Authorization", "Bearer bf_not-a-token").get("/login").then().statusCode(200);
    }

    @Test
    void aCrossSiteSignInPostIsRefused() {
        String annotator = TestData.user("annotator");
        given().redirects().follow(false).header("Origin", "http://evil.example")
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", annotator).formParam("j_password", Api.PASSWORD)
                .post("/j_security_check").then().statusCode(403).header("Set-Cookie", equalTo(null));
        String sameOrigin = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
        given().redirects().follow(false).header("Origin", sameOrigin)
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", annotator).formParam("j_password", Api.PASSWORD)
                .post("/j_security_check").then().statusCode(302);
    }

    @Test
    void signOutWithoutTheCsrfTokenIsRefused() {
        String annotator = TestData.user("annotator");
        String session = signIn(annotator, Api.PASSWORD);
        given().redirects().follow(false).cookie("quarkus-credential", session)
                .contentType("application/x-www-form-urlencoded").formParam("x", "y")
                .post("/logout").then().statusCode(equalTo(400));
    }

    @Test
    void signOutWithTheTokenFromThePageEndsTheSession() {
        String annotator = TestData.user("annotator");
        String session = signIn(annotator, Api.PASSWORD);
        Response page = given().cookie("quarkus-credential", session).get("/");
        String token = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        String csrfCookie = page.getCookie("csrf-token");
        Response out = given().redirects().follow(false).cookie("quarkus-credential", session).cookie("csrf-token", csrfCookie)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", token)
                .post("/logout");
        out.then().statusCode(303).header("Location", containsString("/login?signedout"));
        assertTrue(out.getHeaders().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("quarkus-credential=;") && c.contains("Max-Age=0")), "session cookie cleared");
    }
}
