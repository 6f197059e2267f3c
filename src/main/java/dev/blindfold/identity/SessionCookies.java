package dev.blindfold.identity;

import jakarta.ws.rs.core.NewCookie;

/**
 * The session cookie: the secret only, HttpOnly (no script reads it), SameSite=Strict (no other site's page sends
 * it), Path=/; no Max-Age, so closing the browser forgets it.
 * Secure is not set here: web.SecurityHeaders adds it to every Set-Cookie by blindfold.http.secure-cookies.
 */
final class SessionCookies {

    static final String NAME = "blindfold_session";

    private SessionCookies() {
    }

    static NewCookie issue(String secret) {
        return builder(secret).build();
    }

    static NewCookie cleared() {
        return builder("").maxAge(0).build();
    }

    private static NewCookie.Builder builder(String value) {
        return new NewCookie.Builder(NAME).value(value).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT);
    }
}
