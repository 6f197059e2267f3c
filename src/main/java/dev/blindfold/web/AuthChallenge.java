package dev.blindfold.web;

/**
 * The {@code WWW-Authenticate} challenge of a 401. Scripts and a typed address get both ways to sign in; a page's own
 * script (fetch, sendBeacon: its {@code Sec-Fetch-Mode} is not {@code navigate}) gets the Bearer challenge alone,
 * since browsers answer a Basic challenge with their native sign-in dialog: the item page's last events, sent as the
 * annotator signs out, popped one up over the sign-in form.
 */
public final class AuthChallenge {

    static final String BOTH = "Basic realm=\"blindfold\", Bearer realm=\"blindfold\"";
    static final String BEARER = "Bearer realm=\"blindfold\"";

    private AuthChallenge() {
    }

    /** The challenge for a request whose {@code Sec-Fetch-Mode} header is this (null when absent). */
    public static String forFetchMode(String secFetchMode) {
        return secFetchMode == null || secFetchMode.equalsIgnoreCase("navigate") ? BOTH : BEARER;
    }
}
