package dev.blindfold.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into a problem (API) or an error page (HTML) with the real status.
 * Bodies never carry stack traces or class names; unexpected errors are logged, not shown.
 */
class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    private final ErrorResponses responses;
    private final ProblemMeters meters;

    ErrorMappers(ErrorResponses responses, ProblemMeters meters) {
        this.responses = responses;
        this.meters = meters;
    }

    @ServerExceptionMapper
    Response problem(ProblemException e, UriInfo uri) {
        Problem p = Problem.of(e.status(), e.slug(), e.title(), e.getMessage(), path(uri)).withLine(e.line());
        return responses.render(p, uri);
    }

    @ServerExceptionMapper
    Response unauthenticated(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return signIn(uri, headers, "/login");
    }

    @ServerExceptionMapper
    Response badCredentials(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        OptionalLong retryAfter = SignInRefusals.retryAfter(e);
        return retryAfter.isPresent() ? throttled(retryAfter.getAsLong(), uri)
                : signIn(uri, headers, "/login?error=true");
    }

    /** HTTP Basic (or a password check) refused by the sign-in throttle: 429 with Retry-After, password unchecked. */
    private Response throttled(long seconds, UriInfo uri) {
        Response page = responses.render(Problem.of(429, "too-many-sign-ins", "Too many failed sign-ins",
                "Too many failed sign-ins for this account or from this address; try again in "
                        + seconds + " s.", path(uri)), uri);
        return Response.fromResponse(page).header("Retry-After", seconds).build();
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e, UriInfo uri) {
        return responses.render(Problem.of(403, "forbidden", "Forbidden",
                "Your role does not allow this.", path(uri)), uri);
    }

    @ServerExceptionMapper
    Response invalid(ConstraintViolationException e, UriInfo uri) {
        String detail = e.getConstraintViolations().stream()
                .map(ErrorMappers::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        return responses.render(Problem.of(400, "invalid-request", "Invalid request", detail, path(uri)), uri);
    }

    @ServerExceptionMapper
    Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status == 404 ? "No such page or resource."
                : status == 415 ? InputProblems.unsupportedType(path(uri),
                        headers.getHeaderString(HttpHeaders.CONTENT_TYPE))
                : title + ".";
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json, uri);
        }
        Problem parameter = InputProblems.badParameter(e, uri, path(uri));
        if (parameter != null) {
            return responses.render(parameter, uri);
        }
        return responses.render(Problem.of(status, "http-" + status, title, detail, path(uri)), uri);
    }

    /**
     * A streamed body that failed part-way was logged and its connection closed by {@link StreamedBody}: nothing more can
     * reach the client, so there is nothing to render or log again.
     */
    @ServerExceptionMapper
    Response streamFailed(StreamFailure e) {
        return Response.status(500).build();
    }

    @ServerExceptionMapper
    Response unexpected(Exception e, UriInfo uri) {
        if (clientHungUp(e)) {
            LOG.debugf("Client closed the connection on %s", path(uri));
            return Response.status(400).build();
        }
        if (Overload.isOverload(e)) {
            LOG.warnf("Database busy on %s: %s", path(uri), e.getMessage());
            Response busy = responses.render(Problem.of(503, "overloaded", "Service busy",
                    "The database is busy (no free connection or a lock wait timed out); nothing was saved. "
                            + "Retry in a moment.", path(uri)), uri);
            return Response.fromResponse(busy).header("Retry-After", Overload.RETRY_AFTER_SECONDS).build();
        }
        LOG.errorf(e, "Unexpected error on %s", path(uri));
        return responses.render(internalError(path(uri)), uri);
    }

    static Problem internalError(String path) {
        return Problem.of(500, "internal-error", "Internal error", "Something went wrong on our side; it has been logged.",
                path);
    }

    private Response badJson(JsonProcessingException e, UriInfo uri) {
        String detail = InputProblems.badJson(e);
        return responses.render(Problem.of(400, "bad-json", "Malformed JSON", detail, path(uri)), uri);
    }

    private Response signIn(UriInfo uri, HttpHeaders headers, String loginPage) {
        if (ErrorResponses.isApi(uri)) {
            Problem p = Problem.of(401, "unauthenticated", "Unauthenticated",
                    "Sign in with HTTP Basic credentials or a personal API token (Authorization: Bearer).", path(uri));
            meters.rendered(p);
            return Response.status(401).type(Problem.MEDIA_TYPE).entity(p)
                    .header("WWW-Authenticate", AuthChallenge.forFetchMode(headers.getHeaderString("Sec-Fetch-Mode")))
                    .build();
        }
        return Response.seeOther(URI.create(loginPage)).build();
    }

    /** A null body (an empty request) fails the {@code @NotNull} on the body parameter: say the body is missing. */
    private static String describe(ConstraintViolation<?> v) {
        if (v.getInvalidValue() == null && isParameter(v)) {
            return "the request body is required (JSON).";
        }
        String property = v.getPropertyPath().toString();
        int dot = property.lastIndexOf('.');
        return (dot >= 0 ? property.substring(dot + 1) : property) + " " + v.getMessage();
    }

    private static boolean isParameter(ConstraintViolation<?> v) {
        jakarta.validation.Path.Node last = null;
        for (jakarta.validation.Path.Node node : v.getPropertyPath()) {
            last = node;
        }
        return last != null && last.getKind() == jakarta.validation.ElementKind.PARAMETER;
    }

    /** A page closing mid-request (e.g. its last event beacon) is not a server error. */
    private static boolean clientHungUp(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    /** Longest message kept: Jackson may quote a whole (huge) value, and the patterns below are not linear in it. */
    static final int MAX_MESSAGE = 500;

    /** Jackson names Java types in its messages; callers only need the simple name. */
    static String withoutClassNames(String message) {
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        return message.replaceAll("\\(class [^)]*\\)", "")
                .replaceAll("(?:[a-z_$][\\w$]*\\.)+([A-Z][\\w$]*)", "$1")
                .replaceAll("\\s+", " ")
                .trim();
    }

    static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
