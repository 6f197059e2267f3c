package dev.blindfold.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every state-changing request to a page (anything outside /api and /q) must be a form, whatever its body: the
 * CSRF filter (quarkus-rest-csrf) checks the token only in form bodies and lets any other body through unchecked
 * ({@code require-form-url-encoded=false}, which the JSON API needs), so without this a POST with no body, or a JSON
 * one, to a page's form action would skip the check. A form then has to carry the token or the CSRF filter refuses it.
 */
class FormPosts {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final ErrorResponses responses;

    FormPosts(ErrorResponses responses) {
        this.responses = responses;
    }

    @ServerRequestFilter
    Response requireForm(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        if (SAFE.contains(request.getMethod()) || path.startsWith("/api/") || path.equals("/api")
                || path.startsWith("/q/")) {
            return null;
        }
        MediaType type = request.getMediaType();
        if (type != null && (same(type, MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || same(type, MediaType.MULTIPART_FORM_DATA_TYPE))) {
            return null;
        }
        return responses.render(Problem.of(400, "form-required", "Bad request",
                "This page only takes its own form, posted with its CSRF token.", path), request.getUriInfo());
    }

    /** Exactly this type and case: the CSRF filter compares exactly, so nothing it would skip may pass here. */
    private static boolean same(MediaType type, MediaType expected) {
        return type.getType().equals(expected.getType())
                && type.getSubtype().equals(expected.getSubtype());
    }
}
