package dev.blindfold.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.Browser;
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

    /** Signed in through the form; the tokens page hands out the same CSRF pair as the sign-in page. */
    private static Browser signIn(String username) {
        Browser browser = Browser.signIn(username);
        Response page = browser.page().get("/tokens");
        page.then().statusCode(200);
        assertEquals(browser.csrfToken(), page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value"));
        return browser;
    }

    private static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token).log().ifValidationFails(LogDetail.ALL);
    }

    @Test
    void aSignedInUserCreatesATokenSeesItOnceUsesItAndRevokesIt() {
        String ops = TestData.user(Roles.OPS);
        Browser browser = signIn(ops);
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
        Browser browser = signIn(annotator);
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
        Browser other = signIn(TestData.user(Roles.AUDITOR));
        other.form().post("/tokens/" + tokenId + "/revoke").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("404 · "));
        other.page().get("/tokens").then().statusCode(200).body(not(containsString("owned")));
        bearer(secret).get("/api/projects").then().statusCode(200);
    }

    @Test
    void theSessionBarLinksToTheTokensPageForEveryRole() {
        for (String role : List.of(Roles.ANNOTATOR, Roles.OPS, Roles.AUDITOR, Roles.ADMIN)) {
            Browser browser = signIn(TestData.user(role));
            String home = browser.page().get("/").then().statusCode(200).extract().asString();
            assertTrue(home.contains("<a href=\"/tokens\">API tokens</a>"), role + " sees the link: " + home);
        }
    }

    @Test
    void aBlankNameIsABadRequestPageAndCreatesNothing() {
        String annotator = TestData.user(Roles.ANNOTATOR);
        Browser browser = signIn(annotator);
        Response r = browser.form().formParam("name", "   ").post("/tokens");
        assertEquals(400, r.statusCode());
        assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        Api.as(annotator).get("/api/tokens").then().body("size()", equalTo(0));
    }

    @Test
    void aRequestSignedInWithAnApiTokenCanNeitherOpenTheTokensPageNorCreateATokenThroughIt() {
        String owner = TestData.user(Roles.OPS);
        String secret = Api.as(owner).body(java.util.Map.of("name", "leaked")).post("/api/tokens")
                .then().statusCode(201).extract().jsonPath().getString("token");
        long tokenId = Api.as(owner).get("/api/tokens").then().extract().jsonPath().getList("id", Long.class).get(0);

        bearer(secret).accept("text/html").get("/tokens").then().statusCode(403)
                .body(not(containsString("csrf-token\" value")));
        // A double-submit pair made up by the script itself passes the CSRF check: the page must refuse the token.
        String pair = "dGFibGUtY3NyZi10b2tlbg"; // 16 bytes, the size the CSRF filter checks
        bearer(secret).redirects().follow(false).cookie("csrf-token", pair).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", pair).formParam("name", "successor").post("/tokens")
                .then().statusCode(403).body(not(containsString("bf_")));
        assertEquals(List.of(tokenId), Api.as(owner).get("/api/tokens").then().extract().jsonPath().getList("id", Long.class),
                "no successor was minted");

        Api.as(owner).delete("/api/tokens/" + tokenId).then().statusCode(204);
        bearer(secret).get("/api/projects").then().statusCode(401);
    }

    @Test
    void revokingFromThePageWithoutAFormIsRefusedWhateverTheBodyAndTheTokenStaysLive() {
        String annotator = TestData.user(Roles.ANNOTATOR);
        Browser browser = signIn(annotator);
        String secret = Api.as(annotator).body(java.util.Map.of("name", "kept")).post("/api/tokens")
                .then().statusCode(201).extract().jsonPath().getString("token");
        long tokenId = Api.as(annotator).get("/api/tokens").then().extract().jsonPath().getList("id", Long.class).get(0);

        browser.page().post("/tokens/" + tokenId + "/revoke").then().statusCode(400);
        browser.page().contentType("application/json").body("{}").post("/tokens/" + tokenId + "/revoke")
                .then().statusCode(anyOf(is(400), is(415)));
        browser.page().contentType("text/plain").body("csrf-token=" + browser.csrfToken())
                .post("/tokens/" + tokenId + "/revoke").then().statusCode(anyOf(is(400), is(415)));
        browser.page().contentType("application/x-www-form-urlencoded").body("")
                .post("/tokens/" + tokenId + "/revoke").then().statusCode(400);
        bearer(secret).get("/api/projects").then().statusCode(200);
        Api.as(annotator).get("/api/tokens").then().body("[0].revokedAt", org.hamcrest.Matchers.nullValue());

        browser.form().post("/tokens/" + tokenId + "/revoke").then().statusCode(303);
        bearer(secret).get("/api/projects").then().statusCode(401);
    }
}
