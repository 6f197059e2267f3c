package dev.blindfold.export;

import dev.blindfold.identity.CurrentUser;
import dev.blindfold.identity.Roles;
import dev.blindfold.identity.User;
import dev.blindfold.project.Project;
import dev.blindfold.project.ProjectService;
import dev.blindfold.project.TaskType;
import dev.blindfold.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/** Label exports for label ops; each export's manifest is at {@code /api/exports/{exportId}}. */
@Path("/api/projects/{id}/export")
public class ExportResource {

    private final ExportService exports;
    private final ProjectService projects;
    private final CurrentUser me;

    ExportResource(ExportService exports, ProjectService projects, CurrentUser me) {
        this.exports = exports;
        this.projects = projects;
        this.me = me;
    }

    @GET
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response export(@PathParam("id") long projectId, @QueryParam("format") @DefaultValue("jsonl") String format,
                           @QueryParam("exposure") List<String> exposure, @QueryParam("excludeExposedTo") String family,
                           @QueryParam("minExposures") Integer minExposures, @QueryParam("annotator") String annotator,
                           @QueryParam("from") String from, @QueryParam("to") String to) {
        Project project = projects.find(projectId);
        String mediaType = ExportService.FORMATS.get(format);
        if (mediaType == null) {
            throw ProblemException.badRequest("invalid-format", "format must be one of jsonl, csv, trl.");
        }
        if ("trl".equals(format) && project.taskType != TaskType.FREE_TEXT) {
            throw ProblemException.badRequest("invalid-format", "format=trl (prompt, completion) needs a FREE_TEXT project.");
        }
        ExportFilter filter = ExportFilter.parse(exposure, family, minExposures, annotator, from, to);
        Long annotatorId = filter.annotator() == null ? null : User.byUsername(filter.annotator())
                .map(u -> u.id)
                .orElseThrow(() -> ProblemException.badRequest("invalid-filter", "No user named '" + filter.annotator() + "'."));
        String exportId = exports.start(projectId, format, filter, me.id());
        StreamingOutput body = out -> exports.write(exportId, projectId, format, filter, annotatorId, out);
        return Response.ok(body, mediaType)
                .header("X-Blindfold-Export-Id", exportId)
                .header("Link", "</api/exports/" + exportId + ">; rel=\"describedby\"")
                .header("Content-Disposition", "attachment; filename=\"project-" + projectId + "-" + exportId + ("csv".equals(format) ? ".csv" : ".jsonl") + "\"")
                .build();
    }
}
