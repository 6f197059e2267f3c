package dev.blindfold.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * Two body-size limits where Quarkus has one. {@code quarkus.http.limits.max-body-size} is set to
 * the item-import limit, because imports stream their body and may be large; every other route
 * reads its body into memory, so it is held to {@code blindfold.max-body-size}. This handler runs
 * right after Quarkus's own limit check: a declared Content-Length over the limit is refused at once
 * with a 413 problem and the connection closed (the body is never read), and for a chunked body the smaller limit replaces Quarkus's in the routing context,
 * where the request's input stream counts bytes against it as they arrive.
 */
@ApplicationScoped
class BodyLimits {

    static final Pattern IMPORT = Pattern.compile("/api/projects/[^/]+/items/?");

    private final long maxBodySize;
    private final Problem tooLargeProblem;
    private final String tooLarge;
    private final ProblemMeters meters;

    BodyLimits(BlindfoldConfig config, ObjectMapper json, ProblemMeters meters) throws JsonProcessingException {
        this.maxBodySize = config.maxBodySize().asLongValue();
        this.tooLargeProblem = Problem.of(413, "too-large", "Payload too large",
                "The request body is larger than " + maxBodySize / (1024 * 1024) + " MiB.", null);
        this.tooLarge = json.writeValueAsString(tooLargeProblem);
        this.meters = meters;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::limit);
    }

    private void limit(RoutingContext context) {
        if (context.request().method() == HttpMethod.POST && IMPORT.matcher(context.normalizedPath()).matches()) {
            context.next();
            return;
        }
        String length = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null && declared(length) > maxBodySize) {
            meters.rendered(tooLargeProblem);
            context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaderNames.CONNECTION, "close")
                    .endHandler(done -> context.request().connection().close())
                    .end(tooLarge);
            return;
        }
        context.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, maxBodySize);
        context.next();
    }

    private static long declared(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
