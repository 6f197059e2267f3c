package dev.blindfold.labeling;

import dev.blindfold.project.Item;
import dev.blindfold.project.Project;
import dev.blindfold.project.ProjectService;
import dev.blindfold.project.RevealPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Builds the annotator's item page and records that it was shown. */
@ApplicationScoped
@Transactional
public class ItemPageService {

    private final LabelingService labeling;
    private final AssignmentQueue queue;
    private final ProjectService projects;

    private final Reservations reservations;

    ItemPageService(LabelingService labeling, AssignmentQueue queue, ProjectService projects,
                    Reservations reservations) {
        this.labeling = labeling;
        this.queue = queue;
        this.projects = projects;
        this.reservations = reservations;
    }

    /** The id of the annotator's current or next assignment in a project; empty when they are done. */
    public Optional<Long> nextAssignment(long projectId, long annotatorId) {
        return queue.next(projects.find(projectId), annotatorId).map(a -> a.id);
    }

    /** The page of one of the annotator's assignments; one whose reservation has run out is released and says so. */
    public ItemPageView open(long assignmentId, long annotatorId) {
        Assignment a = labeling.owned(assignmentId, annotatorId);
        reservations.releaseIfDue(a);
        Project project = Project.findById(a.projectId);
        Item item = Item.findById(a.itemId);
        BlindAnswer blind = BlindAnswer.findById(a.id);
        FinalAnswer fin = FinalAnswer.findById(a.id);
        if (a.status == AssignmentStatus.ASSIGNED || a.status == AssignmentStatus.COMMITTED) {
            labeling.shown(a);
        }
        return new ItemPageView(a.id, project.id, project.name, project.guidelines, project.guidelinesVersion,
                project.taskType, ShownLabels.of(a.labelOrder, project), a.position,
                queue.progress(project, annotatorId).total(), item.input, a.status.name(),
                blind == null ? null : blind.answer, fin == null ? null : fin.decision.name(),
                fin == null ? null : fin.answer, project.revealPolicy == RevealPolicy.REVEAL_AFTER_COMMIT);
    }
}
