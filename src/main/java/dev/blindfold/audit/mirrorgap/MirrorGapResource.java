package dev.blindfold.audit.mirrorgap;

import dev.blindfold.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import dev.blindfold.audit.AuditCsv;

/** The mirror gap per model family of a project, as JSON rows or ({@code ?format=csv}) CSV. */
@Path("/api/projects/{id}/audit")
public class MirrorGapResource {

    private final MirrorGapService mirrorGap;

    MirrorGapResource(MirrorGapService mirrorGap) {
        this.mirrorGap = mirrorGap;
    }

    @GET
    @Path("/mirror-gap")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public Response mirrorGap(@PathParam("id") long projectId, @QueryParam("format") String format) {
        boolean csv = AuditCsv.wanted(format);
        return AuditCsv.answer(csv, "project-" + projectId + "-mirror-gap.csv", MirrorGapRow.COLUMNS,
                mirrorGap.mirrorGap(projectId), MirrorGapRow::cells);
    }
}
