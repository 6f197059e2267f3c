package dev.blindfold.leaks;

import dev.blindfold.identity.CurrentUser;
import dev.blindfold.identity.Roles;
import dev.blindfold.project.IdentityTerms;
import dev.blindfold.project.IdentityTerms.Match;
import dev.blindfold.web.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The page of a project's drafts that name their model, 50 at a time, each name marked in the draft's text; label ops
 * redact or drop a draft from it, auditors look. A refused change (the item was answered or revealed already, or a
 * PAIRWISE item would keep fewer than 2 drafts) shows the page again with why, as a 409.
 */
@Path("/projects/{id}/drafts/flagged")
@Produces(MediaType.TEXT_HTML)
public class FlaggedDraftsPage {

    /** A piece of a draft's text; {@code name} when it is one of the terms, shown marked. */
    public record Piece(String text, boolean name) {
    }

    public record Shown(FlaggedDrafts.Row row, List<Piece> pieces) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(FlaggedDrafts.Page page, List<Shown> drafts, long after, String done,
                                            Long draft, String refused);
    }

    private final FlaggedDrafts flagged;
    private final DraftFixes fixes;
    private final CurrentUser me;

    FlaggedDraftsPage(FlaggedDrafts flagged, DraftFixes fixes, CurrentUser me) {
        this.flagged = flagged;
        this.fixes = fixes;
        this.me = me;
    }

    @GET
    @RolesAllowed({Roles.OPS, Roles.AUDITOR, Roles.ADMIN})
    public TemplateInstance page(@PathParam("id") long projectId, @QueryParam("after") String after,
                                 @QueryParam("done") String done, @QueryParam("draft") String draft) {
        Long changed = draft == null || draft.isBlank() ? null : FlaggedDraftsResource.after(draft);
        return show(projectId, FlaggedDraftsResource.after(after), "redacted".equals(done) || "dropped".equals(done)
                ? done : null, changed, null);
    }

    @POST
    @Path("/{draftId}/redact")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response redact(@PathParam("id") long projectId, @PathParam("draftId") long draftId,
                           @FormParam("after") String after) {
        return change(projectId, draftId, after, "redacted");
    }

    @POST
    @Path("/{draftId}/drop")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response drop(@PathParam("id") long projectId, @PathParam("draftId") long draftId,
                         @FormParam("after") String after) {
        return change(projectId, draftId, after, "dropped");
    }

    /** Redacts or drops a draft of this project, then back to the same page, which says what was done. */
    private Response change(long projectId, long draftId, String afterField, String done) {
        long after = FlaggedDraftsResource.after(afterField);
        try {
            if (done.equals("redacted")) {
                fixes.redact(draftId, me.id(), projectId);
            } else {
                fixes.drop(draftId, me.id(), projectId);
            }
            return Response.seeOther(URI.create("/projects/" + projectId + "/drafts/flagged?after=" + after
                    + "&done=" + done + "&draft=" + draftId)).build();
        } catch (ProblemException e) {
            if (e.status() != 409) {
                throw e;
            }
            return Response.status(409).entity(show(projectId, after, null, draftId, e.getMessage())).build();
        }
    }

    private TemplateInstance show(long projectId, long after, String done, Long draft, String refused) {
        FlaggedDrafts.Page page = flagged.page(projectId, after, FlaggedDrafts.PAGE);
        IdentityTerms terms = flagged.terms(projectId);
        List<Shown> shown = page.drafts().stream().map(r -> new Shown(r, pieces(terms, r.text()))).toList();
        return Templates.page(page, shown, after, done, draft, refused);
    }

    static List<Piece> pieces(IdentityTerms terms, String text) {
        List<Piece> pieces = new ArrayList<>();
        int from = 0;
        for (Match m : terms.all(text)) {
            if (m.start() > from) {
                pieces.add(new Piece(text.substring(from, m.start()), false));
            }
            pieces.add(new Piece(text.substring(m.start(), m.end()), true));
            from = m.end();
        }
        if (from < text.length()) {
            pieces.add(new Piece(text.substring(from), false));
        }
        return pieces;
    }
}
