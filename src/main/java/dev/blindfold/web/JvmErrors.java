package dev.blindfold.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A {@link java.lang.Error} thrown while serving a request (the JVM's, not the code's: out of memory, stack overflow)
 * is a problem like any other failure, never the server's default page with its trace. Out of memory answers 503:
 * the server, not the request, is short, and the same request may pass once the heap has room again. Any other
 * Error answers the same 500 as an unexpected exception. Both are logged with their trace; any transaction the request
 * was in is rolled back (Narayana rolls back on an Error as on a RuntimeException).
 */
class JvmErrors {

    private static final Logger LOG = Logger.getLogger(JvmErrors.class);

    private final ErrorResponses responses;

    JvmErrors(ErrorResponses responses) {
        this.responses = responses;
    }

    @ServerExceptionMapper
    Response error(Error e, UriInfo uri) {
        String path = ErrorMappers.path(uri);
        LOG.errorf(e, "%s on %s", e.getClass().getSimpleName(), path);
        if (e instanceof OutOfMemoryError) {
            return responses.render(Problem.of(503, "out-of-memory", "Out of memory",
                    "The server ran out of memory while answering this request; it has been logged. Try again later.",
                    path), uri);
        }
        return responses.render(ErrorMappers.internalError(path), uri);
    }
}
