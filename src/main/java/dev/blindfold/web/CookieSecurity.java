package dev.blindfold.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Whether a cookie set in answer to a request must carry {@code Secure}, by {@code blindfold.http.secure-cookies}
 * ({@code BLINDFOLD_SECURE_COOKIES}):
 * <ul>
 *   <li>{@code auto} (default): when the request came over TLS, either directly or through a TLS-terminating proxy
 *       whose {@code X-Forwarded-Proto: https} Quarkus honours (only with {@code quarkus.http.proxy.proxy-address-forwarding}
 *       on and the proxy listed in {@code quarkus.http.proxy.trusted-proxies}); a forwarded header from anyone
 *       else is ignored;</li>
 *   <li>{@code always}: on every response (TLS ends at a proxy whose headers the app is not set up to trust);</li>
 *   <li>{@code never}: on none (plain-HTTP test setups only).</li>
 * </ul>
 * {@link SecurityHeaders} applies it to every {@code Set-Cookie} header and to every cookie in the Vert.x response's
 * cookie jar (the CSRF cookie), so no code that sets a cookie decides {@code Secure} itself.
 */
@ApplicationScoped
public class CookieSecurity {

    public enum Mode {
        AUTO,
        ALWAYS,
        NEVER
    }

    private final Mode mode;

    @Inject
    CookieSecurity(BlindfoldConfig config) {
        this(config.http().secureCookies());
    }

    CookieSecurity(Mode mode) {
        this.mode = mode;
    }

    /** The rule itself: {@code overTls} is whether the request came over TLS (directly or from a trusted proxy). */
    boolean secure(boolean overTls) {
        return switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> overTls;
        };
    }

    /** A {@code Set-Cookie} header value with its {@code Secure} attribute present or absent as asked; nothing else changes. */
    static String withSecure(String setCookie, boolean secure) {
        StringBuilder out = new StringBuilder(setCookie.length() + 8);
        String[] parts = setCookie.split(";");
        out.append(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].strip().toLowerCase(Locale.ROOT).equals("secure")) {
                out.append(';').append(parts[i]);
            }
        }
        return secure ? out.append("; Secure").toString() : out.toString();
    }
}
