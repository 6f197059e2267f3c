package dev.blindfold.labeling;

import dev.blindfold.project.Membership;
import dev.blindfold.project.Project;
import dev.blindfold.project.ProjectStatus;
import dev.blindfold.project.QueueCounts;
import dev.blindfold.web.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Hands an annotator their next assignment: their own unfinished one first, else an item with an open place that
 * they have not had, found by an index walk ({@link QueueWalk}) from a random point of the project's shuffled order
 * (a fresh point per assignment, drawn from the annotator's seed and position), or a gold item in a gold slot
 * ({@link GoldMix}). Reads no drafts, counts nothing: the
 * places taken and "item k of N" are kept counts ({@link QueueCounts}), so a call costs the same at a million items
 * as at a thousand. Locking order, the same on every path: the member's row (serialises one annotator's requests),
 * then one item's row (keeps two annotators from both taking its last place), then the project's counts row.
 */
@ApplicationScoped
@Transactional
public class AssignmentQueue {

    /** An annotator has at most one unfinished assignment; each status is one equality probe of assignments_open_ix. */
    private static final List<AssignmentStatus> UNFINISHED = List.of(AssignmentStatus.ASSIGNED, AssignmentStatus.COMMITTED);

    /**
     * One of an annotator's projects on their home page: "done of total" with the same total as the item page's
     * "item k of N", and the items they skipped beside it; {@code started} once they have had an item there.
     */
    public record QueueRow(long projectId, String name, String taskType, long done, long skipped, long released,
                           long total, boolean started, String status) {
        /** Whether the project still hands out items. */
        public boolean open() {
            return ProjectStatus.ACTIVE.name().equals(status);
        }

        public boolean finished() {
            return done + skipped + released >= total;
        }
    }

    /** A project as staff see it listed on the home page. */
    public record ProjectRow(long projectId, String name, String taskType, int overlap, String revealPolicy, long items,
                             String status) {
    }

    private final QueueCounts counts;
    private final QueueWalk walk;
    private final Reservations reservations;
    private final GoldMix gold;

    AssignmentQueue(QueueCounts counts, QueueWalk walk, Reservations reservations, GoldMix gold) {
        this.gold = gold;
        this.counts = counts;
        this.walk = walk;
        this.reservations = reservations;
    }

    /** The annotator's current assignment, or a new one; empty when nothing is left for them. */
    public Optional<Assignment> next(Project project, long annotatorId) {
        Membership member = Membership.lockOf(project.id, annotatorId)
                .orElseThrow(() -> ProblemException.notFound("Project " + project.id));
        counts.fold(project.id, annotatorId);
        for (AssignmentStatus status : UNFINISHED) {
            Optional<Assignment> open = Assignment.find("projectId = ?1 and annotatorId = ?2 and status = ?3",
                    project.id, annotatorId, status).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
            if (open.isPresent() && !reservations.releaseIfDue(open.get())) {
                return open;
            }
        }
        if (project.status != ProjectStatus.ACTIVE) {
            String status = project.status.name().toLowerCase(Locale.ROOT);
            throw ProblemException.conflict("project-" + status, "Project '" + project.name + "' is " + status
                    + (project.status == ProjectStatus.PAUSED ? ": it hands out no new items until label ops resume it."
                    : ": it hands out no more items."));
        }
        int position = lastPosition(project.id, annotatorId) + 1;
        return gold.take(project, member, position, () -> walk.take(project, annotatorId,
                        QueueWalk.start(member.orderSeed, position)))
                .map(place -> create(project, place, annotatorId, position));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public QueueCounts.Progress progress(Project project, long annotatorId) {
        return counts.progress(project.id, annotatorId);
    }

    /** The project's items, as counted when they were imported. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long items(Project project) {
        return counts.items(project.id);
    }

    /** The projects the annotator is a member of, in project order, with their progress in each. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<QueueRow> queuesOf(long annotatorId) {
        List<Membership> memberships = Membership.list("userId = ?1 and removedAt is null order by projectId",
                annotatorId);
        return memberships.stream().map(m -> {
            Project p = Project.findById(m.projectId);
            QueueCounts.Progress progress = progress(p, annotatorId);
            return new QueueRow(p.id, p.name, p.taskType.name(), progress.done(),
                    count(p.id, annotatorId, AssignmentStatus.SKIPPED), count(p.id, annotatorId, AssignmentStatus.RELEASED),
                    progress.total(), lastPosition(p.id, annotatorId) > 0, p.status.name());
        }).toList();
    }

    /** The annotator's assignments in one status: a range of assignments_open_ix. */
    private static long count(long projectId, long annotatorId, AssignmentStatus status) {
        return Assignment.count("projectId = ?1 and annotatorId = ?2 and status = ?3", projectId, annotatorId, status);
    }

    /** Every project, in id order, with its item count. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProjectRow> projects() {
        List<Project> projects = Project.list("order by id");
        return projects.stream().map(p -> new ProjectRow(p.id, p.name, p.taskType.name(), p.overlap,
                p.revealPolicy.name(), items(p), p.status.name())).toList();
    }

    private Assignment create(Project project, QueueWalk.Place place, long annotatorId, int position) {
        Assignment a = new Assignment();
        a.projectId = project.id;
        a.itemId = place.itemId();
        a.annotatorId = annotatorId;
        a.position = position;
        a.status = AssignmentStatus.ASSIGNED;
        a.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Reservations.reserve(a, project);
        a.persist();
        if (place.gold()) {
            counts.goldTaken(project.id, annotatorId, place.itemId());
        } else {
            counts.placeTaken(project.id, place.itemId(), place.taken(), project.overlap);
        }
        return a;
    }

    /**
     * The annotator's last position in the project, which is how many assignments they have had there (positions count
     * from 1): one step down assignments_position_uq (MAX would read all their positions).
     */
    public static int lastPosition(long projectId, long annotatorId) {
        return Panache.getEntityManager()
                .createQuery("select a.position from Assignment a where a.projectId = :p and a.annotatorId = :u"
                        + " order by a.position desc", Integer.class)
                .setParameter("p", projectId).setParameter("u", annotatorId).setMaxResults(1)
                .getResultStream().findFirst().orElse(0);
    }
}
