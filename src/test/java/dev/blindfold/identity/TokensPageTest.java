package dev.blindfold.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.log.LogDetail;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The /tokens page: signed in with the form, create a token (seen once), use it, revoke it; CSRF guarded. */
@QuarkusTest
class TokensPageTest {

    private static final Pattern SECRET = Pattern.compile("bf_[A-Za-z0-9_-]{43}");
    private static final Pattern TOKEN_ROW = Pattern.compile("data-token-id=\"(\\d+)\"");

    /** A browser: the session cookie from the sign-in form, and the CSRF cookie and field from a page. */
    private record Browser(String session, String csrfCookie, String csrfToken) {
        static Browser signIn(String username) {
            Response login = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("j_username", username).formParam("j_password", Api.PASSWORD)
                    .post("/j_security_check");
            login.then().statusCode(302);
            String session = login.getCookie("quarkus-credential");
            Response page = given().cookie("quarkus-credential", session).get("/tokens");
            page.then().statusCode(200);
            String token = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
            assertNotNull(token, "the page carries the CSRF token in its forms");
            return new Browser(session, page.getCookie("csrf-token"), token);
        }

        RequestSpecification page() {
            return given().redirects().follow(false).cookie("quarkus-credential", session)
                    .cookie("csrf-token", csrfCookie).log().ifValidationFails(LogDetail.ALL);
        }

        RequestSpecification form() {
            return page().contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrfToken);
        }
    }

    private static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token).log().ifValidationFails(LogDetail.ALL);
    }

    @Test
    void aSignedInUserCreatesATokenSeesItOnceUsesItAndRevokesIt() {
        String ops = TestData.user(Roles.OPS);
        Browser browser = Browser.signIn(ops);
        browser.page().get("/tokens").then().statusCode(200).body(containsString("No tokens yet."));

        Response created = browser.form().formParam("name", "nightly export").post("/tokens");
        created.then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Copy it now, it will not be shown again"))
                .header("Cache-Control", containsString("no-store"));
        Matcher m = SECRET.matcher(created.asString());
        assertTrue(m.find(), "the result page shows the secret");
        String secret = m.group();
        bearer(secret).get("/api/projects").then().statusCode(200);

        Response list = browser.page().get("/tokens");
        list.then().statusCode(200).body(containsString("nightly export"))
                .body(containsString(secret.substring(0, 11))).body(not(containsString(secret)))
                .body(not(containsString("not be shown again")));
        Matcher row = TOKEN_ROW.matcher(list.asString());
        assertTrue(row.find(), "the token is listed with its id");
        long tokenId = Long.parseLong(row.group(1));
        assertFalse(row.find(), "one token listed");

        browser.form().post("/tokens/" + tokenId + "/revoke").then().statusCode(303)
                .header("Location", containsString("/tokens?revoked=true"));
        bearer(secret).get("/api/projects").then().statusCode(401);
        browser.page().get("/tokens?revoked=true").then().statusCode(200)
                .body(containsString("Token revoked")).body(containsString("revoked 20"))
                .body(not(containsString("/tokens/" + tokenId + "/revoke")));
    }

    @Test
    void tokenFormsWithoutTheCsrfTokenAreRefused() {
        String annotator = TestData.user(Roles.ANNOTATOR);
        Browser browser = Browser.signIn(annotator);
        browser.page().contentType("application/x-www-form-urlencoded").formParam("name", "forged")
                .post("/tokens").then().statusCode(400);
        browser.page().contentType("application/x-www-form-urlencoded").formParam("name", "forged")
                .formParam("csrf-token", "AAAAAAAAAAAAAAAAAAAAAA").post("/tokens").then().statusCode(400);
        Api.as(annotator).get("/api/tokens").then().statusCode(200).body("size()", equalTo(0));

        String secret = Api.as(annotator).body(java.util.Map.of("name", "kept")).post("/api/tokens")
                .then().statusCode(201).extract().jsonPath().getString("token");
        long tokenId = Api.as(annotator).get("/api/tokens").then().extract().jsonPath().getList("id", Long.class).get(0);
        browser.page().contentType("application/x-www-form-urlencoded").formParam("x", "y")
                .post("/tokens/" + tokenId + "/revoke").then().statusCode(400);
        bearer(secret).get("/api/projects").then().statusCode(200);
    }

    @Test
    void someoneElsesTokenCannotBeRevokedFromThePage() {
        String owner = TestData.user(Roles.AUDITOR);
        String secret = Api.as(owner).body(java.util.Map.of("name", "owned")).post("/api/tokens")
                .then().statusCode(201).extract().jsonPath().getString("token");
        long tokenId = Api.as(owner).get("/api/tokens").then().extract().jsonPath().getList("id", Long.class).get(0);
        Browser other = Browser.signIn(TestData.user(Roles.AUDITOR));
        other.form().post("/tokens/" + tokenId + "/revoke").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("404 · "));
        other.page().get("/tokens").then().statusCode(200).body(not(containsString("owned")));
        bearer(secret).get("/api/projects").then().statusCode(200);
    }

    @Test
    void theSessionBarLinksToTheTokensPageForEveryRole() {
        for (String role : List.of(Roles.ANNOTATOR, Roles.OPS, Roles.AUDITOR, Roles.ADMIN)) {
            Browser browser = Browser.signIn(TestData.user(role));
            String home = browser.page().get("/").then().statusCode(200).extract().asString();
            assertTrue(home.contains("<a href=\"/tokens\">API tokens</a>"), role + " sees the link: " + home);
        }
    }

    @Test
    void aBlankNameIsABadRequestPageAndCreatesNothing() {
        String annotator = TestData.user(Roles.ANNOTATOR);
        Browser browser = Browser.signIn(annotator);
        Response r = browser.form().formParam("name", "   ").post("/tokens");
        assertEquals(400, r.statusCode());
        assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        Api.as(annotator).get("/api/tokens").then().body("size()", equalTo(0));
    }
}
