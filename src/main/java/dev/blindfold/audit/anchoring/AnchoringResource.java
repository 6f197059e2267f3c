package dev.blindfold.audit.anchoring;

import dev.blindfold.identity.Roles;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.project.ProjectService;
import dev.blindfold.web.StreamedBody;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import dev.blindfold.audit.AuditCsv;

/**
 * Anchoring statistics of a project for auditors, as JSON (default, or {@code format=json}) or CSV
 * ({@code format=csv}, with a header row); another format is a 400 {@code invalid-format}.
 */
@Path("/api/projects/{id}/audit")
public class AnchoringResource {

    private final AnchoringService anchoring;
    private final ProjectService projects;
    private final ObjectMapper json;

    AnchoringResource(AnchoringService anchoring, ProjectService projects, ObjectMapper json) {
        this.anchoring = anchoring;
        this.projects = projects;
        this.json = json;
    }

    /** One {@link AnnotatorAnchoring} per annotator with a label, by username. */
    @GET
    @Path("/annotators")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public Response annotators(@PathParam("id") long projectId, @QueryParam("format") String format) {
        boolean csv = AuditCsv.wanted(format);
        return answer(projectId, "annotators", csv, AnchoringTables::annotators, AnnotatorAnchoring.COLUMNS,
                AnnotatorAnchoring::cells);
    }

    /** One {@link DriftWeek} per ISO week from the first label's to the last's. */
    @GET
    @Path("/drift")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public Response drift(@PathParam("id") long projectId, @QueryParam("format") String format) {
        boolean csv = AuditCsv.wanted(format);
        return answer(projectId, "drift", csv, AnchoringTables::drift, DriftWeek.COLUMNS, DriftWeek::cells);
    }

    /**
     * Every {@link AnchoringFlag}, by annotator, then commit time, streamed a page of labels at a time; an unknown
     * project is a 404 before the 200, and a failure while streaming cuts the connection ({@link StreamedBody}).
     */
    @GET
    @Path("/flags")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public Response flags(@PathParam("id") long projectId, @QueryParam("format") String format,
                          @Context HttpServerRequest request) {
        boolean csv = AuditCsv.wanted(format);
        projects.find(projectId);
        String what = "Flags of project " + projectId;
        if (csv) {
            StreamingOutput body = StreamedBody.cutOnFailure(request, what, out -> AuditCsv.stream(out,
                    AnchoringFlag.COLUMNS, sink -> anchoring.forEachFlag(projectId, sink), AnchoringFlag::cells));
            return Response.ok(body, "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"project-" + projectId + "-flags.csv\"").build();
        }
        StreamingOutput body = StreamedBody.cutOnFailure(request, what, out -> {
            try (JsonGenerator gen = json.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                gen.writeStartArray();
                anchoring.forEachFlag(projectId, flag -> {
                    try {
                        json.writeValue(gen, flag);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                gen.writeEndArray();
            }
        });
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    private <T> Response answer(long projectId, String name, boolean csv, Function<AnchoringTables, List<T>> table,
                                List<String> columns, Function<T, List<Object>> cells) {
        List<T> rows = table.apply(anchoring.report(projectId).report());
        return AuditCsv.answer(csv, "project-" + projectId + "-" + name + ".csv", columns, rows, cells);
    }
}
