package dev.blindfold.labeling;

import dev.blindfold.identity.CurrentUser;
import dev.blindfold.identity.Roles;
import dev.blindfold.project.Membership;
import dev.blindfold.project.Project;
import dev.blindfold.project.QueueCounts;
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

    public record Row(long projectId, String name, String taskType, long done, long total) {
        public boolean finished() {
            return done >= total;
        }
    }

    public record StaffRow(long projectId, String name, String taskType, int overlap, String revealPolicy, long items) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<Row> queue, List<StaffRow> projects, boolean annotator,
                                            boolean staff, String finished);
    }

    private final AssignmentQueue queue;
    private final CurrentUser me;

    QueuePage(AssignmentQueue queue, CurrentUser me) {
        this.queue = queue;
        this.me = me;
    }

    @GET
    @RolesAllowed({Roles.ANNOTATOR, Roles.OPS, Roles.AUDITOR, Roles.ADMIN})
    public TemplateInstance home(@QueryParam("finished") Long finished) {
        boolean annotator = me.has(Roles.ANNOTATOR);
        boolean staff = me.has(Roles.OPS) || me.has(Roles.AUDITOR) || me.has(Roles.ADMIN);
        List<Row> rows = annotator ? myQueue() : List.of();
        List<StaffRow> all = staff ? allProjects() : List.of();
        String finishedName = finished == null ? null : rows.stream()
                .filter(r -> r.projectId() == finished).map(Row::name).findFirst().orElse(null);
        return Templates.home(rows, all, annotator, staff, finishedName);
    }

    private List<Row> myQueue() {
        List<Membership> memberships = Membership.list("userId = ?1 order by projectId", me.id());
        return memberships.stream().map(m -> {
            Project p = Project.findById(m.projectId);
            QueueCounts.Progress progress = queue.progress(p, me.id());
            return new Row(p.id, p.name, p.taskType.name(), progress.done(), progress.total() - skipped(p.id));
        }).toList();
    }

    private long skipped(long projectId) {
        return Assignment.count("projectId = ?1 and annotatorId = ?2 and status = ?3",
                projectId, me.id(), AssignmentStatus.SKIPPED);
    }

    private List<StaffRow> allProjects() {
        List<Project> projects = Project.list("order by id");
        return projects.stream().map(p -> new StaffRow(p.id, p.name, p.taskType.name(), p.overlap,
                p.revealPolicy.name(), queue.items(p))).toList();
    }
}
