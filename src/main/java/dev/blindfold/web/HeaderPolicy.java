package dev.blindfold.web;

import java.time.Duration;
import java.util.Locale;

/**
 * What {@link SecurityHeaders} sends, as plain rules.
 * <ul>
 *   <li>The pages' Content-Security-Policy: everything from the app's own origin only, no inline script and no
 *       inline style (the templates have neither: scripts are ES modules under /js, the drift charts' SVG uses
 *       presentation attributes, which CSP does not govern, and the modules change styles only through
 *       {@code hidden} and classes), no plugins, no {@code <base>} elsewhere, forms posting only here, and no
 *       framing by anyone.</li>
 *   <li>Swagger UI at /q/swagger-ui gets the same policy but for the {@code data:} images its stylesheet uses and,
 *       by hash, the one style element of its logo (its page is Blindfold's own, without the inline scripts of
 *       Quarkus's: {@link SwaggerUiPage}).</li>
 *   <li>{@code Cache-Control: no-store} on everything but scripts, stylesheets, images and fonts, and 304s for
 *       them: a page or JSON answer shows state, and a stored copy is what Back/Forward showed as a blank commit
 *       form for a finished item.</li>
 *   <li>{@code Strict-Transport-Security} on TLS requests only (a browser ignores it over plain HTTP).</li>
 * </ul>
 */
final class HeaderPolicy {

    static final String SWAGGER_UI = "/q/swagger-ui";

    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'%s; img-src 'self'%s; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * The one {@code <style>} element Swagger UI (smallrye-open-api-ui 4.x's bundle) renders, inside its logo's SVG:
     * {@code .logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}}. Should an upgrade change it, the
     * logo loses its colours and ContentSecurityPolicyBrowserTest reports the new hash.
     */
    static final String SWAGGER_LOGO_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

    static final String PAGES = String.format(POLICY, "", "");
    static final String SWAGGER_UI_POLICY = String.format(POLICY, " " + SWAGGER_LOGO_STYLE, " data:");

    private final String hsts;

    HeaderPolicy(Duration hstsMaxAge, boolean hstsIncludeSubdomains) {
        long seconds = hstsMaxAge.toSeconds();
        this.hsts = seconds <= 0 ? null : "max-age=" + seconds + (hstsIncludeSubdomains ? "; includeSubDomains" : "");
    }

    String contentSecurityPolicy(String path) {
        return path != null && (path.equals(SWAGGER_UI) || path.startsWith(SWAGGER_UI + "/")) ? SWAGGER_UI_POLICY : PAGES;
    }

    /** The {@code Strict-Transport-Security} value for a request, or null when none is sent. */
    String strictTransportSecurity(boolean overTls) {
        return overTls ? hsts : null;
    }

    /** Whether a response may be stored by the browser: code, styles, images and fonts; never a page or data. */
    static boolean mayStore(int status, String contentType) {
        if (status == 304) {
            return true;
        }
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/javascript") || type.startsWith("application/javascript")
                || type.startsWith("text/css") || type.startsWith("image/") || type.startsWith("font/");
    }
}
