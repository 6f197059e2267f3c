package dev.blindfold.export;

import dev.blindfold.identity.CurrentUser;
import dev.blindfold.identity.Roles;
import dev.blindfold.identity.User;
import dev.blindfold.project.Project;
import dev.blindfold.project.ProjectService;
import dev.blindfold.project.TaskType;
import dev.blindfold.web.ProblemException;
import dev.blindfold.web.StreamedBody;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/**
 * Label exports for label ops; each export's manifest is at {@code /api/exports/{exportId}}. An export that fails
 * part-way is cut off (see {@link StreamedBody}) and its manifest says it failed.
 */
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
    public Response export(@PathParam("id") long projectId, @QueryParam("format") @DefaultValue("jsonl") String formatName,
                           @QueryParam("exposure") List<String> exposure, @QueryParam("excludeExposedTo") String family,
                           @QueryParam("minExposures") Integer minExposures, @QueryParam("annotator") String annotator,
                           @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("gold") String gold,
                           @QueryParam("source") String source,
                           @QueryParam("inputField") @DefaultValue("text") String inputField,
                           @Context HttpServerRequest request) {
        Project project = projects.find(projectId);
        ExportFormat format = ExportFormat.parse(formatName);
        ExportFilter filter = ExportFilter.parse(exposure, family, minExposures, annotator, from, to, gold, source);
        check(project, format, filter, inputField);
        Long annotatorId = filter.annotator() == null ? null : User.byUsername(filter.annotator())
                .map(u -> u.id)
                .orElseThrow(() -> ProblemException.badRequest("invalid-filter", "No user named '" + filter.annotator() + "'."));
        String exportId = exports.start(projectId, format, filter, me.id());
        StreamingOutput body = StreamedBody.cutOnFailure(request, "Export of project " + projectId,
                out -> exports.write(exportId, projectId, format, filter, annotatorId, inputField, out));
        return Response.ok(body, format.mediaType())
                .header("X-Blindfold-Export-Id", exportId)
                .header("Link", "</api/exports/" + exportId + ">; rel=\"describedby\"")
                .header("Content-Disposition", "attachment; filename=\"project-" + projectId + "-" + exportId + "."
                        + format.extension() + "\"")
                .build();
    }

    /** Combinations that make no sense are refused before anything is streamed. */
    private static void check(Project project, ExportFormat format, ExportFilter filter, String inputField) {
        if (filter.gold() && format != ExportFormat.JSONL && format != ExportFormat.CSV) {
            throw ProblemException.badRequest("invalid-format",
                    "gold=true applies to jsonl and csv; openai-evals and label-studio are one row per item already.");
        }
        if (format == ExportFormat.TRL && project.taskType == TaskType.CATEGORICAL) {
            throw ProblemException.badRequest("invalid-format",
                    "format=trl needs a FREE_TEXT, DRAFT_RATING (prompt, completion) or PAIRWISE (prompt, chosen, rejected) project.");
        }
        if (inputField.isBlank() || inputField.length() > 100) {
            throw ProblemException.badRequest("invalid-format", "inputField must be 1 to 100 characters.");
        }
    }
}
