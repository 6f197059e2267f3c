package dev.blindfold.web;

import dev.blindfold.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only routes that throw a JVM {@link Error}, for {@link JvmErrorsTest}: one under {@code /api} (problem+json)
 * and one page (the HTML error page). They live in the test classes, which {@code @QuarkusTest} adds to the app, so the
 * packaged app never has them; hidden from OpenAPI, so the route sweeps that read it (OpenApiTest, LeakSweepTest,
 * BadInputCorpusTest) never call them, and absent from target/classes, which the class scans read.
 */
final class ThrowingRoutes {

    private ThrowingRoutes() {
    }

    static Error thrown(String kind) {
        return switch (kind) {
            case "out-of-memory" -> new OutOfMemoryError("Java heap space");
            case "stack-overflow" -> new StackOverflowError();
            default -> new AssertionError("no such error: " + kind);
        };
    }

    @Path("/api/test-only/throw")
    public static class Api {

        @GET
        @Path("/{kind}")
        @RolesAllowed(Roles.ADMIN)
        @Operation(hidden = true)
        public String raise(@PathParam("kind") String kind) {
            throw thrown(kind);
        }
    }

    @Path("/test-only/throw")
    public static class Page {

        @GET
        @Path("/out-of-memory")
        @Produces(MediaType.TEXT_HTML)
        @RolesAllowed(Roles.ADMIN)
        @Operation(hidden = true)
        public String outOfMemory() {
            throw thrown("out-of-memory");
        }
    }
}
