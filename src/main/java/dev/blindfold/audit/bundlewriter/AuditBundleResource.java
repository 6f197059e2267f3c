package dev.blindfold.audit.bundlewriter;

import dev.blindfold.identity.CurrentUser;
import dev.blindfold.identity.Roles;
import dev.blindfold.project.Project;
import dev.blindfold.project.ProjectService;
import dev.blindfold.web.StreamedBody;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Audit bundles: a project's provenance log and labels in one zip that verifies offline (blindfold-verify.jar). */
@Path("/api/projects/{id}/audit")
public class AuditBundleResource {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final AuditBundleService bundles;
    private final ProjectService projects;
    private final CurrentUser me;

    AuditBundleResource(AuditBundleService bundles, ProjectService projects, CurrentUser me) {
        this.bundles = bundles;
        this.projects = projects;
        this.me = me;
    }

    @GET
    @Path("/bundle")
    @RolesAllowed({Roles.AUDITOR, Roles.OPS, Roles.ADMIN})
    public Response bundle(@PathParam("id") long projectId, @Context HttpServerRequest http) {
        Project project = projects.find(projectId);
        AuditBundleService.Request request = new AuditBundleService.Request(projectId, project.name, me.id(), me.name());
        StreamingOutput body = StreamedBody.cutOnFailure(http, "Audit bundle of project " + projectId,
                out -> bundles.write(request, out));
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"blindfold-audit-" + projectId + "-"
                        + STAMP.format(Instant.now()) + ".zip\"")
                .build();
    }
}
