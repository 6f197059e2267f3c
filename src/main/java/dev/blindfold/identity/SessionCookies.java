package dev.blindfold.identity;

import jakarta.ws.rs.core.NewCookie;

/**
 * The session cookie: the secret only, HttpOnly (no script reads it), SameSite=Strict (no other site's page sends
 * it), Path=/, Secure as web.CookieSecurity says (blindfold.http.secure-cookies); no Max-Age, so closing the browser forgets it.
 */
final class SessionCookies {

    static final String NAME = "blindfold_session";

    private SessionCookies() {
    }

    static NewCookie issue(String secret, boolean secure) {
        return builder(secret, secure).build();
    }

    static NewCookie cleared(boolean secure) {
        return builder("", secure).maxAge(0).build();
    }

    private static NewCookie.Builder builder(String value, boolean secure) {
        return new NewCookie.Builder(NAME).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT);
    }
}
