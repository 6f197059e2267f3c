package dev.blindfold.labeling;

import dev.blindfold.identity.User;
import dev.blindfold.project.Membership;
import dev.blindfold.project.ProjectService;
import dev.blindfold.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Label ops take an annotator off a project: they get no new item there, and the item they hold without a blind answer
 * goes back to the pool, logged as {@code RELEASED} (reason {@code member-removed}, with who removed them). A committed
 * answer is never touched: it stays, is exported, and its annotator may still finish it. Adding them again
 * ({@link ProjectService#addMember}) gives them back their place, counts and order.
 */
@ApplicationScoped
@Transactional
public class MemberRemoval {

    /** What a removal did: whether they were a member until now, and how many assignments it released. */
    public record Removed(boolean wasMember, int released) {
    }

    private final ProjectService projects;
    private final Reservations reservations;

    MemberRemoval(ProjectService projects, Reservations reservations) {
        this.projects = projects;
        this.reservations = reservations;
    }

    /** Removes them; removing someone already removed changes nothing. Locks as a {@code next} does: member, then assignment. */
    public Removed remove(long projectId, String username, String removedBy) {
        projects.find(projectId);
        User user = username == null ? null : User.byUsername(username.strip()).orElse(null);
        Membership member = user == null ? null : Membership.lockAny(projectId, user.id).orElse(null);
        if (member == null) {
            throw ProblemException.notFound("Member '" + username + "' of project " + projectId);
        }
        if (member.removedAt != null) {
            return new Removed(false, 0);
        }
        member.removedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Assignment> open = Assignment.find("projectId = ?1 and annotatorId = ?2 and status = ?3",
                projectId, user.id, AssignmentStatus.ASSIGNED).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        open.forEach(a -> reservations.release(a, Reservations.Reason.MEMBER_REMOVED, Map.of("removedBy", removedBy)));
        return new Removed(true, open.size());
    }
}
