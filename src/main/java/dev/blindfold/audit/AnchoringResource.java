package dev.blindfold.audit;

import dev.blindfold.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Function;

/**
 * Anchoring statistics of a project for auditors, as JSON (default, or {@code format=json}) or CSV
 * ({@code format=csv}, with a header row); another format is a 400 {@code invalid-format}.
 */
@Path("/api/projects/{id}/audit")
public class AnchoringResource {

    private final AnchoringService anchoring;

    AnchoringResource(AnchoringService anchoring) {
        this.anchoring = anchoring;
    }

    /** One {@link AnnotatorAnchoring} per annotator with a label, by username. */
    @GET
    @Path("/annotators")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public Response annotators(@PathParam("id") long projectId, @QueryParam("format") String format) {
        boolean csv = AuditCsv.wanted(format);
        return answer(projectId, "annotators", csv, AnchoringReport::annotators, AnnotatorAnchoring.COLUMNS,
                AnnotatorAnchoring::cells);
    }

    /** One {@link DriftWeek} per ISO week from the first label's to the last's. */
    @GET
    @Path("/drift")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public Response drift(@PathParam("id") long projectId, @QueryParam("format") String format) {
        boolean csv = AuditCsv.wanted(format);
        return answer(projectId, "drift", csv, AnchoringReport::drift, DriftWeek.COLUMNS, DriftWeek::cells);
    }

    /** Every {@link AnchoringFlag}, by annotator, then commit time. */
    @GET
    @Path("/flags")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public Response flags(@PathParam("id") long projectId, @QueryParam("format") String format) {
        boolean csv = AuditCsv.wanted(format);
        return answer(projectId, "flags", csv, AnchoringReport::flags, AnchoringFlag.COLUMNS, AnchoringFlag::cells);
    }

    private <T> Response answer(long projectId, String name, boolean csv, Function<AnchoringReport, List<T>> table,
                                List<String> columns, Function<T, List<Object>> cells) {
        List<T> rows = table.apply(anchoring.report(projectId).report());
        return AuditCsv.answer(csv, "project-" + projectId + "-" + name + ".csv", columns, rows, cells);
    }
}
