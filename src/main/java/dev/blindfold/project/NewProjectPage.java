package dev.blindfold.project;

import dev.blindfold.identity.CurrentUser;
import dev.blindfold.identity.Roles;
import dev.blindfold.web.FormValues;
import dev.blindfold.web.RichText;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * Label ops create a project from a form: name, task type, labels (categorical), overlap, reveal policy and guidelines
 * in Markdown, which "Preview" shows rendered before anything is stored. Created through {@link ProjectService#create},
 * so the API's rules hold; then on to the new project's overview.
 */
@Path("/projects/new")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.OPS, Roles.ADMIN})
public class NewProjectPage {

    /** What the form holds, to show it again with a preview. */
    public record Form(String name, String taskType, String labels, int overlap, String revealPolicy, String guidelines,
                       int reservationMinutes, boolean fixedLabelOrder) {

        static Form empty() {
            return new Form("", TaskType.FREE_TEXT.name(), "", 1, RevealPolicy.REVEAL_AFTER_COMMIT.name(), "",
                    ProjectService.DEFAULT_RESERVATION_SECONDS / 60, false);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Form form, String preview, List<TaskType> taskTypes,
                                            List<RevealPolicy> policies);
    }

    private static final String INVALID = "invalid-project";

    private final ProjectService projects;
    private final CurrentUser me;

    NewProjectPage(ProjectService projects, CurrentUser me) {
        this.projects = projects;
        this.me = me;
    }

    @GET
    public TemplateInstance form() {
        return page(Form.empty(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object submit(@FormParam("action") String action, @FormParam("name") String name,
                         @FormParam("taskType") String taskTypeName, @FormParam("labels") String labels,
                         @FormParam("overlap") String overlapText, @FormParam("revealPolicy") String revealPolicyName,
                         @FormParam("guidelines") String guidelines,
                         @FormParam("reservationMinutes") String reservationText,
                         @FormParam("fixedLabelOrder") String fixedLabelOrder) {
        boolean fixed = fixedLabelOrder != null;
        TaskType taskType = FormValues.constant(INVALID, TaskType.class, "taskType", taskTypeName);
        RevealPolicy revealPolicy = FormValues.constant(INVALID, RevealPolicy.class, "revealPolicy", revealPolicyName);
        Integer overlap = FormValues.whole(INVALID, "overlap", overlapText);
        Integer reservationMinutes = FormValues.whole(INVALID, "reservationMinutes", reservationText);
        if ("preview".equals(action)) {
            Form form = new Form(name == null ? "" : name, taskType == null ? "" : taskType.name(),
                    labels == null ? "" : labels, overlap == null ? 1 : overlap,
                    revealPolicy == null ? "" : revealPolicy.name(), guidelines == null ? "" : guidelines,
                    reservationMinutes == null ? ProjectService.DEFAULT_RESERVATION_SECONDS / 60 : reservationMinutes,
                    fixed);
            return page(form, RichText.markdown(form.guidelines()));
        }
        Project project = projects.create(new ProjectService.NewProject(name, taskType, labelList(taskType, labels),
                overlap, revealPolicy, guidelines, reservationMinutes == null ? null : reservationMinutes * 60L,
                fixed ? LabelOrder.FIXED : null, null), me.id());
        return Response.seeOther(URI.create("/projects/" + project.id + "/overview")).build();
    }

    /** One label a line, blank lines left out; none unless the project is categorical. */
    private static List<String> labelList(TaskType taskType, String labels) {
        if (taskType != TaskType.CATEGORICAL || labels == null) {
            return null;
        }
        return Arrays.stream(labels.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static TemplateInstance page(Form form, String preview) {
        return Templates.form(form, preview, List.of(TaskType.values()), List.of(RevealPolicy.values()));
    }
}
