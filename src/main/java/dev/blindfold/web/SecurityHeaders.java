package dev.blindfold.web;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place every response gets its hardening headers, as it is written: pages, JSON, problems and error
 * pages, redirects, static assets, {@code /q/*}, and answers given before any resource ran (the 413 of
 * {@link BodyLimits}, a refused cross-origin request). What is sent is {@link HeaderPolicy}'s; cookies get
 * {@code Secure} by {@link CookieSecurity}.
 */
@ApplicationScoped
class SecurityHeaders {

    private final HeaderPolicy policy;
    private final CookieSecurity cookies;
    private final String csrfCookie;

    SecurityHeaders(BlindfoldConfig config, CookieSecurity cookies,
                    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token") String csrfCookie) {
        this.policy = new HeaderPolicy(config.http().hstsMaxAge(), config.http().hstsIncludeSubdomains());
        this.cookies = cookies;
        this.csrfCookie = csrfCookie;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(context -> {
            context.addHeadersEndHandler(ignored -> write(context));
            context.next();
        });
    }

    private void write(RoutingContext context) {
        HttpServerResponse response = context.response();
        MultiMap headers = response.headers();
        headers.set("Content-Security-Policy", policy.contentSecurityPolicy(context.normalizedPath()));
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        if (!HeaderPolicy.mayStore(response.getStatusCode(), headers.get(HttpHeaders.CONTENT_TYPE))) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        boolean overTls = context.request().isSSL();
        String hsts = policy.strictTransportSecurity(overTls);
        if (hsts != null) {
            headers.set("Strict-Transport-Security", hsts);
        }
        secureCookies(context, cookies.secure(overTls));
    }

    /**
     * Cookies written as headers are rewritten. The CSRF cookie sits in Vert.x's cookie jar, which is written after
     * this runs and also holds the cookies the request brought: only the ones this response sets (changed) are
     * flagged, a cookie the browser sent is left alone (flagging it would send it back without its attributes).
     */
    private void secureCookies(RoutingContext context, boolean secure) {
        HttpServerResponse response = context.response();
        List<String> setCookies = response.headers().getAll(HttpHeaders.SET_COOKIE);
        if (!setCookies.isEmpty()) {
            response.headers().remove(HttpHeaders.SET_COOKIE);
            setCookies.forEach(c -> response.headers().add(HttpHeaders.SET_COOKIE, CookieSecurity.withSecure(c, secure)));
        }
        for (Cookie cookie : context.request().cookies(csrfCookie)) {
            if (cookie instanceof ServerCookie set && set.isChanged()) {
                set.setSecure(secure);
            }
        }
    }
}
