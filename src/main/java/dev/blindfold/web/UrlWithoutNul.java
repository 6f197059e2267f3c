package dev.blindfold.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a NUL character ({@code %00}) in a path or query parameter before any route sees it: none has a use
 * for one, and PostgreSQL refuses it in a text parameter, which would turn a lookup into a 500.
 */
class UrlWithoutNul {

    private final ErrorResponses responses;

    UrlWithoutNul(ErrorResponses responses) {
        this.responses = responses;
    }

    @ServerRequestFilter(preMatching = true)
    Response refuseNul(ContainerRequestContext request) {
        var uri = request.getUriInfo();
        String where = uri.getPath().indexOf('\u0000') >= 0 ? "the path" : named(uri.getQueryParameters());
        if (where == null) {
            return null;
        }
        return responses.render(Problem.of(400, "invalid-parameter", "Bad request",
                "NUL characters (%00) are not allowed in " + where + ".", "/" + uri.getPath().replaceFirst("^/", "")
                        .replace("\u0000", "%00")), uri);
    }

    private static String named(Map<String, List<String>> query) {
        for (Map.Entry<String, List<String>> p : query.entrySet()) {
            if (p.getKey().indexOf('\u0000') >= 0 || p.getValue().stream().anyMatch(v -> v.indexOf('\u0000') >= 0)) {
                return "query parameter " + p.getKey().replace("\u0000", "%00");
            }
        }
        return null;
    }
}
