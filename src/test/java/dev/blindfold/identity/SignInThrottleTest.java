package dev.blindfold.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.support.Api;
import dev.blindfold.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.filter.log.LogDetail;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Backoff after failed sign-ins (form and HTTP Basic), per account and per client: past the free failures, 429 with
 * Retry-After without the password being checked; a correct sign-in after the wait works and clears the account's
 * count; the account's block stays short.
 */
@QuarkusTest
@TestProfile(ThrottleProfile.class)
class SignInThrottleTest {

    /** An address of this test's own (documentation range), so tests do not share a client count. */
    private static String client() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198.51." + r.nextInt(1, 255) + "." + r.nextInt(1, 255);
    }

    private static RequestSpecification basic(String client, String user, String password) {
        return given().header("X-Forwarded-For", client).auth().preemptive().basic(user, password)
                .redirects().follow(false).log().ifValidationFails(LogDetail.ALL);
    }

    private static Response form(String client, String user, String password) {
        Response page = given().header("X-Forwarded-For", client).get("/login");
        String cookie = page.getCookie("csrf-token");
        String token = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        return given().header("X-Forwarded-For", client).redirects().follow(false).cookie("csrf-token", cookie)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", token)
                .formParam("username", user).formParam("password", password).post("/login");
    }

    private static long retryAfter(Response r) {
        String header = r.getHeader("Retry-After");
        assertTrue(header != null && header.matches("\\d+"), "Retry-After in seconds: " + header);
        long seconds = Long.parseLong(header);
        assertTrue(seconds >= 1 && seconds <= 3, "short waits in this profile: " + seconds);
        return seconds;
    }

    private static void sleep(long seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000 + 200);
    }

    @Test
    void basicSignInBacksOffPerAccountWithoutCheckingThePassword() throws InterruptedException {
        String user = TestData.user(Roles.OPS);
        String client = client();
        for (int i = 0; i <= ThrottleProfile.ACCOUNT_FREE; i++) {
            basic(client, user, "wrong-" + i).get("/api/projects").then().statusCode(401);
        }
        Response blocked = basic(client, user, Api.PASSWORD).get("/api/projects");
        assertEquals(429, blocked.statusCode(), "even the right password waits: " + blocked.asString());
        blocked.then().contentType("application/problem+json").body("status", equalTo(429))
                .body("type", equalTo("urn:blindfold:problem:too-many-sign-ins"));
        long wait = retryAfter(blocked);
        // Another client trying the same account is held back too: the count is the account's.
        assertEquals(429, basic(client(), user, Api.PASSWORD).get("/api/projects").statusCode());

        sleep(wait);
        basic(client, user, Api.PASSWORD).get("/api/projects").then().statusCode(200);
        // The correct sign-in cleared the account's count (not the client's, which a new address leaves aside here).
        String elsewhere = client();
        for (int i = 0; i < ThrottleProfile.ACCOUNT_FREE; i++) {
            basic(elsewhere, user, "wrong-again-" + i).get("/api/projects").then().statusCode(401);
        }
        basic(elsewhere, user, Api.PASSWORD).get("/api/projects").then().statusCode(200);
    }

    @Test
    void theFormBacksOffPerAccountWithAPageThatSaysHowLongToWait() throws InterruptedException {
        String user = TestData.user(Roles.ANNOTATOR);
        String client = client();
        for (int i = 0; i <= ThrottleProfile.ACCOUNT_FREE; i++) {
            Response wrong = form(client, user.toUpperCase(), "wrong-" + i);
            assertEquals(303, wrong.statusCode());
            assertTrue(wrong.getHeader("Location").contains("/login?error"));
        }
        Response blocked = form(client, user, Api.PASSWORD);
        assertEquals(429, blocked.statusCode());
        blocked.then().contentType(containsString("text/html")).body(containsString("Too many failed sign-ins"));
        assertNull(blocked.getCookie("blindfold_session"), "no session while blocked");
        long wait = retryAfter(blocked);

        sleep(wait);
        Response in = form(client, user, Api.PASSWORD);
        assertEquals(303, in.statusCode());
        assertTrue(in.getCookie("blindfold_session") != null);
    }

    @Test
    void anAttackerCannotLockARealUserOutForLong() throws InterruptedException {
        String user = TestData.user(Roles.AUDITOR);
        int counted = 0;
        long longest = 0;
        while (counted < ThrottleProfile.ACCOUNT_FREE + 4) {
            Response r = basic(client(), user, "guess-" + counted).get("/api/projects");
            if (r.statusCode() == 429) {
                long wait = retryAfter(r);
                longest = Math.max(longest, wait);
                sleep(wait);
            } else {
                assertEquals(401, r.statusCode());
                counted++;
            }
        }
        assertTrue(longest >= 2 && longest <= 3,
                "failures past the cap still wait no more than it (3 s in this profile, 60 s by default): " + longest);
        sleep(3);
        basic(client(), user, Api.PASSWORD).get("/api/projects").then().statusCode(200);
    }

    @Test
    void oneClientTryingManyAccountsIsHeldBackWhateverTheAccount() throws InterruptedException {
        String user = TestData.user(Roles.OPS);
        String client = client();
        for (int i = 0; i <= ThrottleProfile.CLIENT_FREE; i++) {
            basic(client, TestData.unique("nobody"), "guess").get("/api/projects").then().statusCode(401);
        }
        Response blocked = basic(client, user, Api.PASSWORD).get("/api/projects");
        assertEquals(429, blocked.statusCode(), "the client is blocked, even for a real account and password");
        long wait = retryAfter(blocked);
        Response page = form(client, user, Api.PASSWORD);
        assertEquals(429, page.statusCode(), "the form too");
        basic(client(), user, Api.PASSWORD).get("/api/projects").then().statusCode(200);

        sleep(wait);
        basic(client, user, Api.PASSWORD).get("/api/projects").then().statusCode(200);
    }

    @Test
    void aPasswordChangeIsNoWayAroundTheThrottle() {
        String user = TestData.user(Roles.OPS);
        String client = client();
        String session = form(client, user, Api.PASSWORD).getCookie("blindfold_session");
        for (int i = 0; i <= ThrottleProfile.ACCOUNT_FREE; i++) {
            given().header("X-Forwarded-For", client).cookie("blindfold_session", session).contentType("application/json")
                    .body(java.util.Map.of("currentPassword", "guess-" + i, "newPassword", "a-new-password"))
                    .post("/api/me/password").then().statusCode(400);
        }
        given().header("X-Forwarded-For", client).cookie("blindfold_session", session).contentType("application/json")
                .body(java.util.Map.of("currentPassword", Api.PASSWORD, "newPassword", "a-new-password"))
                .post("/api/me/password").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        Response blocked = given().header("X-Forwarded-For", client()).auth().preemptive().basic(user, Api.PASSWORD)
                .get("/api/projects");
        assertEquals(429, blocked.statusCode(), "the guesses counted against the account");
    }
}
