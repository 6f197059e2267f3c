package dev.blindfold.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.filter.log.LogDetail;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * What a browser holds after signing in through the real form: the session cookie, and the CSRF cookie and field
 * value that the sign-in page handed out (pages keep handing out the same pair while the cookie lives).
 */
public record Browser(String session, String csrfCookie, String csrfToken) {

    public static final String SESSION_COOKIE = "blindfold_session";
    public static final String CSRF = "csrf-token";
    public static final String FORM = "application/x-www-form-urlencoded";

    /** One post of the sign-in form: its answer, and the CSRF pair the sign-in page gave. */
    public record Attempt(Response response, String csrfCookie, String csrfToken) {
    }

    /** Opens /login, posts the form with the page's CSRF token, and expects the redirect that sets the session. */
    public static Browser signIn(String username, String password) {
        Attempt attempt = attempt(username, password);
        Response login = attempt.response();
        assertEquals(303, login.statusCode(), "sign-in succeeds: " + login.asString());
        Browser browser = new Browser(login.getCookie(SESSION_COOKIE), attempt.csrfCookie(), attempt.csrfToken());
        assertNotNull(browser.session(), "sign-in sets the session cookie");
        return browser;
    }

    public static Browser signIn(String username) {
        return signIn(username, Api.ADMIN.equals(username) ? Api.ADMIN_PASSWORD : Api.PASSWORD);
    }

    /** A sign-in attempt through the form, whatever its answer. */
    public static Attempt attempt(String username, String password) {
        Response page = given().get("/login");
        assertEquals(200, page.statusCode());
        String cookie = page.getCookie(CSRF);
        String token = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        assertNotNull(token, "the sign-in form carries the CSRF token");
        Response answer = given().redirects().follow(false).cookie(CSRF, cookie).contentType(FORM)
                .formParam(CSRF, token).formParam("username", username).formParam("password", password)
                .log().ifValidationFails(LogDetail.ALL).post("/login");
        return new Attempt(answer, cookie, token);
    }

    /** A request as this browser: its session and CSRF cookies, redirects not followed. */
    public RequestSpecification page() {
        return given().redirects().follow(false).cookie(SESSION_COOKIE, session).cookie(CSRF, csrfCookie)
                .log().ifValidationFails(LogDetail.ALL);
    }

    /** A form post as this browser, carrying the CSRF field. */
    public RequestSpecification form() {
        return page().contentType(FORM).formParam(CSRF, csrfToken);
    }
}
