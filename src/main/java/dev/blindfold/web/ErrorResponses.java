package dev.blindfold.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Renders a problem as JSON for {@code /api} and as an HTML error page everywhere else. */
@ApplicationScoped
public class ErrorResponses {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Problem problem);
    }

    private final ProblemMeters meters;

    ErrorResponses(ProblemMeters meters) {
        this.meters = meters;
    }

    public Response render(Problem problem, UriInfo uri) {
        meters.rendered(problem);
        if (isApi(uri)) {
            return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(problem).render()).build();
    }

    static boolean isApi(UriInfo uri) {
        String path = uri == null ? "" : uri.getPath();
        return path.startsWith("/api") || path.startsWith("api");
    }
}
