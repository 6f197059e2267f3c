package dev.blindfold.project;

import dev.blindfold.identity.CurrentUser;
import dev.blindfold.identity.Roles;
import dev.blindfold.project.ProjectService.NewProject;
import dev.blindfold.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** Projects, members and item import for label ops; a member annotator may read their project. */
@Path("/api/projects")
public class ProjectResource {

    /**
     * A project; {@code guidelines} is the version in force, numbered {@code guidelinesVersion}; an unanswered
     * assignment keeps its place for {@code reservationSeconds}; a blind step should take at least
     * {@code minBlindMs} on top of reading the item ({@code minBlindMsSet}: label ops set it, else it is derived from
     * the guidelines' length); a CATEGORICAL project shows its labels in {@code labelOrder}; gold items take
     * {@code goldRate} of the queue positions and the optional qualification ({@link GoldSettings}).
     */
    public record ProjectView(long id, String name, TaskType taskType, List<String> labels, int overlap,
                              RevealPolicy revealPolicy, String guidelines, ProjectStatus status,
                              int guidelinesVersion, int reservationSeconds, int minBlindMs, boolean minBlindMsSet,
                              LabelOrder labelOrder, double adjudicationBelow, double goldRate, int qualificationItems,
                              double qualificationAccuracy) {
        static ProjectView of(Project p) {
            return new ProjectView(p.id, p.name, p.taskType, p.labelList(), p.overlap, p.revealPolicy, p.guidelines,
                    p.status, p.guidelinesVersion, p.reservationSeconds, BlindTime.decisionMs(p), p.minBlindMs != null,
                    p.labelOrder, p.adjudicationBelow, p.goldRate, p.qualificationItems, p.qualificationAccuracy);
        }
    }

    public record NewMember(String username) {
    }

    private final ProjectService projects;
    private final ItemImportService imports;
    private final CurrentUser me;

    ProjectResource(ProjectService projects, ItemImportService imports, CurrentUser me) {
        this.projects = projects;
        this.imports = imports;
        this.me = me;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response create(@NotNull NewProject body) {
        Project project = projects.create(body, me.id());
        return Response.status(201).entity(Map.of("id", project.id)).build();
    }

    @GET
    @RolesAllowed({Roles.ANNOTATOR, Roles.OPS, Roles.AUDITOR, Roles.ADMIN})
    public List<ProjectView> list() {
        List<Project> visible = me.isStaff()
                ? Project.listAll()
                : Project.list("id in (select m.projectId from Membership m where m.userId = ?1 and m.removedAt is null)",
                me.id());
        return visible.stream().map(ProjectView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ANNOTATOR, Roles.OPS, Roles.AUDITOR, Roles.ADMIN})
    public ProjectView get(@PathParam("id") long id) {
        Project project = projects.find(id);
        boolean staff = me.isStaff();
        if (!staff && Membership.of(id, me.id()).isEmpty()) {
            throw ProblemException.notFound("Project " + id);
        }
        return ProjectView.of(project);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public ProjectView change(@PathParam("id") long id, @NotNull ProjectChange body) {
        return ProjectView.of(projects.change(id, body, me.id()));
    }

    @POST
    @Path("/{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response addMember(@PathParam("id") long id, @NotNull NewMember body) {
        boolean added = projects.addMember(id, body.username());
        return Response.status(added ? 201 : 200).entity(Map.of("projectId", id, "username", body.username())).build();
    }

    /**
     * Takes the body as an InputStream: Quarkus REST hands over a blocking stream that reads the
     * request as it arrives (only bodies under {@code quarkus.rest.input-buffer-size}, 10 KiB, are
     * buffered first), so an upload of any size is parsed while it streams in. Closing it afterwards
     * reads and drops what a refused upload still sends, so the client gets the answer, not a reset.
     */
    @POST
    @Path("/{id}/items")
    @Consumes({"application/x-ndjson", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public ItemImportService.Counts importItems(@PathParam("id") long id, @HeaderParam("Content-Type") String type,
                                                @QueryParam("format") String format,
                                                @QueryParam("inputField") @DefaultValue("text") String inputField,
                                                @QueryParam("family") String family, InputStream body) throws IOException {
        try (body) {
            if ("label-studio".equals(format)) {
                return imports.importLabelStudio(id, body, inputField, family);
            }
            if (format != null && !format.equals("ndjson") && !format.equals("csv")) {
                throw ProblemException.badRequest("invalid-format", "format must be ndjson, csv or label-studio.");
            }
            boolean csv = "csv".equals(format) || format == null && type != null && type.startsWith("text/csv");
            return csv ? imports.importCsv(id, body) : imports.importNdjson(id, body);
        }
    }
}
