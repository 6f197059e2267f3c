package dev.blindfold.audit;

import dev.blindfold.export.CsvRows;
import dev.blindfold.identity.Roles;
import dev.blindfold.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The mirror gap per model family of a project, as JSON rows or ({@code ?format=csv}) CSV. */
@Path("/api/projects/{id}/audit")
public class MirrorGapResource {

    static final List<String> HEADER = List.of("family", "items", "drafts", "blindScore", "finalScore", "gap",
            "ciLow", "ciHigh", "skippedItems");

    private final MirrorGapService mirrorGap;

    MirrorGapResource(MirrorGapService mirrorGap) {
        this.mirrorGap = mirrorGap;
    }

    @GET
    @Path("/mirror-gap")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public Response mirrorGap(@PathParam("id") long projectId, @QueryParam("format") String format) {
        boolean csv = "csv".equals(format);
        if (format != null && !format.isEmpty() && !csv && !"json".equals(format)) {
            throw ProblemException.badRequest("invalid-format", "format must be json or csv.");
        }
        List<MirrorGapRow> rows = mirrorGap.mirrorGap(projectId);
        if (!csv) {
            return Response.ok(rows, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(csv(rows), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"mirror-gap-" + projectId + ".csv\"").build();
    }

    private static String csv(List<MirrorGapRow> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(HEADER);
            for (MirrorGapRow r : rows) {
                printer.printRecord(Arrays.asList(CsvRows.neutralise(r.family()), r.items(), r.drafts(), r.blindScore(),
                        r.finalScore(), r.gap(), r.ciLow(), r.ciHigh(), r.skippedItems()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
