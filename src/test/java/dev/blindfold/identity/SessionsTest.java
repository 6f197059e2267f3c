package dev.blindfold.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.Browser;
import dev.blindfold.support.TestData;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Server-side sessions: nothing to forge with, and a session that ended (sign-out, password reset or change, role
 * change, deactivation, idle or past its maximum age) is refused from the next request on.
 */
@QuarkusTest
class SessionsTest {

    /** The fallback BLINDFOLD_SESSION_KEY that every default install shared before sessions moved to the database. */
    static final String OLD_CONSTANT_KEY = "blindfold-dev-session-key-change-me-in-production-0123";

    @Inject
    AgroalDataSource dataSource;

    private static void assertRefused(String session) {
        given().cookie(Browser.SESSION_COOKIE, session).get("/api/tokens").then().statusCode(401)
                .contentType("application/problem+json");
        given().redirects().follow(false).cookie(Browser.SESSION_COOKIE, session).get("/").then().statusCode(303)
                .header("Location", endsWith("/login"));
    }

    private static void assertAccepted(String session) {
        given().cookie(Browser.SESSION_COOKIE, session).get("/api/tokens").then().statusCode(200);
    }

    @Test
    void aCookieMintedWithTheOldConstantKeyIsRefused() throws Exception {
        String forged = ForgedQuarkusCookie.mint(OLD_CONSTANT_KEY, Api.ADMIN);
        given().cookie("quarkus-credential", forged).get("/api/projects").then().statusCode(401);
        given().redirects().follow(false).cookie("quarkus-credential", forged).get("/").then().statusCode(303)
                .header("Location", endsWith("/login"));
        given().cookie(Browser.SESSION_COOKIE, forged).get("/api/projects").then().statusCode(401);
        given().cookie(Browser.SESSION_COOKIE, forged).contentType("application/json")
                .body("{\"username\":\"forger\",\"password\":\"forged-password\",\"roles\":[\"admin\"]}")
                .post("/api/users").then().statusCode(401);
    }

    @Test
    void theSessionCookieIsARandomSecretStoredOnlyAsItsHash() throws SQLException {
        String user = TestData.user(Roles.AUDITOR);
        Response login = Browser.attempt(user, Api.PASSWORD).response();
        assertEquals(303, login.statusCode());
        String header = login.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Browser.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(header.contains("HttpOnly"), header);
        assertTrue(header.contains("SameSite=Strict"), header);
        assertTrue(header.contains("Path=/"), header);
        String secret = login.getCookie(Browser.SESSION_COOKIE);
        assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), "256 random bits, base64url: " + secret);
        assertFalse(secret.contains(user), "the cookie says nothing about who it is");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT secret_hash FROM sessions WHERE user_id ="
                     + " (SELECT id FROM users WHERE username = ?)")) {
            s.setString(1, user);
            ResultSet rows = s.executeQuery();
            assertTrue(rows.next());
            assertEquals(TokenSecrets.hash(secret), rows.getString(1));
            assertFalse(rows.next(), "one sign-in, one session");
        }
        assertAccepted(secret);
    }

    @Test
    void signOutEndsTheSessionAndTheOldCookieIsRefusedAfterwards() {
        Browser browser = Browser.signIn(TestData.user(Roles.ANNOTATOR));
        assertAccepted(browser.session());
        browser.form().post("/logout").then().statusCode(303);
        assertRefused(browser.session());
    }

    @Test
    void signingInAgainInTheSameBrowserEndsItsPreviousSession() {
        String user = TestData.user(Roles.OPS);
        Browser first = Browser.signIn(user);
        Response again = given().redirects().follow(false).cookie(Browser.SESSION_COOKIE, first.session())
                .cookie(Browser.CSRF, first.csrfCookie()).contentType(Browser.FORM)
                .formParam(Browser.CSRF, first.csrfToken()).formParam("username", user)
                .formParam("password", Api.PASSWORD).post("/login");
        assertEquals(303, again.statusCode());
        assertRefused(first.session());
        assertAccepted(again.getCookie(Browser.SESSION_COOKIE));
    }

    @Test
    void changingYourOwnPasswordEndsEverySessionOfYours() {
        String user = TestData.user(Roles.ANNOTATOR);
        Browser one = Browser.signIn(user);
        Browser two = Browser.signIn(user);
        Api.as(user).body(Map.of("currentPassword", Api.PASSWORD, "newPassword", "a-brand-new-password"))
                .post("/api/me/password").then().statusCode(204);
        assertRefused(one.session());
        assertRefused(two.session());
        Api.as(user).get("/api/projects").then().statusCode(401);
        given().auth().preemptive().basic(user, "a-brand-new-password").get("/api/projects").then().statusCode(200);
        assertAccepted(Browser.signIn(user, "a-brand-new-password").session());
    }

    @Test
    void anAdminPasswordResetEndsTheUsersSessions() {
        String user = TestData.user(Roles.AUDITOR);
        Browser browser = Browser.signIn(user);
        Api.as(Api.ADMIN).body(Map.of("password", "reset-by-the-admin")).post("/api/users/" + id(user) + "/password")
                .then().statusCode(204);
        assertRefused(browser.session());
        given().auth().preemptive().basic(user, "reset-by-the-admin").get("/api/projects").then().statusCode(200);
    }

    @Test
    void aRoleChangeEndsTheUsersSessionsAndTheNewRoleHoldsAtOnce() {
        String user = TestData.user(Roles.AUDITOR);
        Browser browser = Browser.signIn(user);
        given().cookie(Browser.SESSION_COOKIE, browser.session()).get("/api/projects").then().statusCode(200);
        Api.as(Api.ADMIN).body(Map.of("roles", List.of(Roles.OPS))).patch("/api/users/" + id(user))
                .then().statusCode(200);
        assertRefused(browser.session());
        Api.as(user).body(Map.of("name", TestData.unique("p"), "taskType", "FREE_TEXT")).post("/api/projects")
                .then().statusCode(201);
    }

    @Test
    void deactivationEndsSessionsAndRefusesPasswordsAndTokensUntilReactivated() {
        String user = TestData.user(Roles.OPS);
        String token = Api.as(user).body(Map.of("name", "script")).post("/api/tokens").then().statusCode(201)
                .extract().jsonPath().getString("token");
        Browser browser = Browser.signIn(user);
        long id = id(user);
        Api.as(Api.ADMIN).body(Map.of("active", false)).patch("/api/users/" + id).then().statusCode(200)
                .body("active", org.hamcrest.Matchers.equalTo(false));
        assertRefused(browser.session());
        Api.as(user).get("/api/projects").then().statusCode(401);
        given().header("Authorization", "Bearer " + token).get("/api/projects").then().statusCode(401);
        Response form = Browser.attempt(user, Api.PASSWORD).response();
        assertEquals(303, form.statusCode());
        assertTrue(form.getHeader("Location").contains("/login?error"), "no session for a deactivated account");

        Api.as(Api.ADMIN).body(Map.of("active", true)).patch("/api/users/" + id).then().statusCode(200);
        Api.as(user).get("/api/projects").then().statusCode(200);
        given().header("Authorization", "Bearer " + token).get("/api/projects").then().statusCode(200);
        assertRefused(browser.session());
    }

    @Test
    void aSessionIdleTooLongOrPastItsMaximumAgeIsRefused() throws SQLException {
        String user = TestData.user(Roles.ANNOTATOR);
        Browser idle = Browser.signIn(user);
        Browser old = Browser.signIn(user);
        Browser fresh = Browser.signIn(user);
        sql("UPDATE sessions SET last_seen_at = last_seen_at - INTERVAL '9' HOUR WHERE secret_hash = ?", idle.session());
        sql("UPDATE sessions SET expires_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND WHERE secret_hash = ?", old.session());
        assertRefused(idle.session());
        assertRefused(old.session());
        assertAccepted(fresh.session());
        sql("UPDATE sessions SET last_seen_at = last_seen_at - INTERVAL '7' HOUR WHERE secret_hash = ?", fresh.session());
        assertAccepted(fresh.session());
    }

    private void sql(String statement, String secret) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, TokenSecrets.hash(secret));
            assertEquals(1, s.executeUpdate(), statement);
        }
    }

    static long id(String username) {
        return Api.as(Api.ADMIN).get("/api/users").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.username == '" + username + "' }.id");
    }
}
