package dev.blindfold.labeling;

import dev.blindfold.identity.CurrentUser;
import dev.blindfold.labeling.AssignmentQueue.ProjectRow;
import dev.blindfold.labeling.AssignmentQueue.QueueRow;
import dev.blindfold.identity.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The home page: an annotator's projects with progress "n of m"; staff see every project. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class QueuePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<QueueRow> queue, List<ProjectRow> projects, boolean annotator,
                                            boolean staff, String finished);
    }

    private final AssignmentQueue queue;
    private final CurrentUser me;

    QueuePage(AssignmentQueue queue, CurrentUser me) {
        this.queue = queue;
        this.me = me;
    }

    @GET
    @RolesAllowed({Roles.ANNOTATOR, Roles.OPS, Roles.AUDITOR, Roles.ADMIN, Roles.REVIEWER})
    public TemplateInstance home(@QueryParam("finished") Long finished) {
        boolean annotator = me.has(Roles.ANNOTATOR);
        boolean staff = me.isStaff();
        List<QueueRow> rows = annotator ? queue.queuesOf(me.id()) : List.of();
        List<ProjectRow> all = staff ? queue.projects() : List.of();
        String finishedName = finished == null ? null : rows.stream()
                .filter(r -> r.projectId() == finished).map(QueueRow::name).findFirst().orElse(null);
        return Templates.home(rows, all, annotator, staff, finishedName);
    }
}
