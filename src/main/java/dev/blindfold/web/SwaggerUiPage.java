package dev.blindfold.web;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Swagger UI's page, served by Blindfold in place of the one Quarkus generates. Quarkus's page starts Swagger UI
 * with two inline scripts; this one loads the same bundle, preset and stylesheets from /q/swagger-ui/ and starts
 * them from /js/swagger-ui-init.js, so /q/swagger-ui needs no inline script in its Content-Security-Policy.
 * Everything else under /q/swagger-ui is still Quarkus's. {@code quarkus.swagger-ui.*} settings that only shape
 * Quarkus's page (title, theme, extra options) do not apply; none is set.
 */
@ApplicationScoped
class SwaggerUiPage {

    static final String RESOURCE = "swagger-ui/index.html";

    private final String html;

    SwaggerUiPage() {
        try (InputStream in = SwaggerUiPage.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            this.html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ahead of Quarkus's Swagger UI handler, which serves the rest of /q/swagger-ui. */
    void install(@Observes Router router) {
        for (String path : new String[] {HeaderPolicy.SWAGGER_UI + "/", HeaderPolicy.SWAGGER_UI + "/index.html"}) {
            router.route(HttpMethod.GET, path).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 2).handler(this::serve);
        }
    }

    private void serve(RoutingContext context) {
        context.response().putHeader("Content-Type", "text/html;charset=UTF-8").end(html);
    }
}
