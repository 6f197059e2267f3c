package dev.blindfold.project;

import dev.blindfold.identity.Roles;
import dev.blindfold.identity.User;
import dev.blindfold.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;

/** Creates projects, changes their status and guidelines, and adds annotators to them. */
@ApplicationScoped
@Transactional
public class ProjectService {

    static final int MAX_OVERLAP = 100;
    /** How long an unanswered assignment keeps its place unless label ops say otherwise (issue 14: 30 minutes). */
    public static final int DEFAULT_RESERVATION_SECONDS = 30 * 60;
    /** A week: a reservation longer than that is an item nobody can get. */
    static final long MAX_RESERVATION_SECONDS = 7 * 24 * 3600;
    /** Usernames are at most this long (see UserService). */
    private static final int MAX_USERNAME = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    public record NewProject(String name, TaskType taskType, List<String> labels, Integer overlap,
                             RevealPolicy revealPolicy, String guidelines, Long reservationSeconds,
                             LabelOrder labelOrder, Long minBlindMs) {
    }

    private final QueueCounts counts;
    private final GuidelinesVersions guidelines;

    ProjectService(QueueCounts counts, GuidelinesVersions guidelines) {
        this.counts = counts;
        this.guidelines = guidelines;
    }

    public Project create(NewProject spec, long creatorId) {
        if (spec.name() == null || spec.name().isBlank() || spec.name().length() > 200) {
            throw ProblemException.badRequest("invalid-project", "name is required (at most 200 characters).");
        }
        if (spec.taskType() == null) {
            throw ProblemException.badRequest("invalid-project",
                    "taskType is required: FREE_TEXT, CATEGORICAL, DRAFT_RATING or PAIRWISE.");
        }
        RevealPolicy reveal = spec.revealPolicy() == null ? RevealPolicy.REVEAL_AFTER_COMMIT : spec.revealPolicy();
        if (reveal == RevealPolicy.NEVER_REVEAL && judgesDrafts(spec.taskType())) {
            throw ProblemException.badRequest("invalid-project", "a " + spec.taskType()
                    + " project cannot use NEVER_REVEAL: its second step rates or compares the revealed drafts.");
        }
        int overlap = spec.overlap() == null ? 1 : spec.overlap();
        if (overlap < 1 || overlap > MAX_OVERLAP) {
            throw ProblemException.badRequest("invalid-project", "overlap must be between 1 and " + MAX_OVERLAP + ".");
        }
        String text = GuidelinesVersions.check(spec.guidelines());
        int reservation = spec.reservationSeconds() == null ? DEFAULT_RESERVATION_SECONDS
                : reservationSeconds(spec.reservationSeconds());
        Project project = new Project();
        project.name = spec.name().strip();
        project.taskType = spec.taskType();
        project.labels = labelsFor(spec.taskType(), spec.labels());
        project.overlap = overlap;
        project.revealPolicy = reveal;
        project.guidelines = text;
        project.reservationSeconds = reservation;
        project.labelOrder = labelOrderFor(spec.taskType(), spec.labelOrder());
        project.minBlindMs = spec.minBlindMs() == null ? null : minBlindMs(spec.minBlindMs());
        project.createdBy = creatorId;
        project.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        project.persist();
        guidelines.first(project);
        counts.projectCreated(project.id);
        return project;
    }

    /** Pauses, resumes or closes a project; a closed project stays closed. */
    public Project changeStatus(long projectId, ProjectStatus next) {
        if (next == null) {
            throw ProblemException.badRequest("invalid-project", "status must be one of ACTIVE, PAUSED, CLOSED.");
        }
        return change(projectId, ProjectChange.status(next), 0);
    }

    /**
     * Changes what is given of a project, in one transaction on the locked project row, or nothing: its guidelines
     * first (a new version unless the text is the one in force; not on a closed project), then how long a reservation
     * lasts (for assignments handed out or resumed from then on), the minimum blind time and the label order (both
     * for blind answers and first showings from then on: labels already committed keep the figures they were held to),
     * the adjudication threshold (for items whose last blind answer commits from then on), the gold-item settings
     * ({@link GoldSettings}), then its status.
     * {@code editorId} is who writes a new guidelines version (unused without guidelines).
     */
    public Project change(long projectId, ProjectChange change, long editorId) {
        if (change.isEmpty()) {
            throw ProblemException.badRequest("invalid-project", "give status (ACTIVE, PAUSED, CLOSED), guidelines,"
                    + " reservationSeconds, minBlindMs, labelOrder, adjudicationBelow, goldRate, qualificationItems,"
                    + " qualificationAccuracy, or more than one of them.");
        }
        Project project = locked(projectId);
        change.gold().applyTo(project);
        if (change.minBlindMs() != null) {
            project.minBlindMs = minBlindMs(change.minBlindMs());
        }
        if (change.labelOrder() != null) {
            project.labelOrder = labelOrderFor(project.taskType, change.labelOrder());
        }
        if (change.guidelines() != null) {
            guidelines.edit(project, change.guidelines(), editorId);
        }
        if (change.reservationSeconds() != null) {
            project.reservationSeconds = reservationSeconds(change.reservationSeconds());
        }
        if (change.adjudicationBelow() != null) {
            project.adjudicationBelow = adjudicationBelow(change.adjudicationBelow());
        }
        ProjectStatus next = change.status();
        if (next != null) {
            if (project.status == ProjectStatus.CLOSED && next != ProjectStatus.CLOSED) {
                throw ProblemException.conflict("project-closed", "Project " + projectId + " is closed; a closed"
                        + " project stays closed.");
            }
            project.status = next;
        }
        return project;
    }

    /** Puts new guidelines in force from the overview's form; false when the text was the one in force. */
    public boolean editGuidelines(long projectId, String newGuidelines, long editorId) {
        if (newGuidelines == null) {
            throw ProblemException.badRequest("invalid-project", "guidelines are required (they may be empty).");
        }
        return guidelines.edit(locked(projectId), newGuidelines, editorId);
    }

    /** Adds an annotator, or adds back one label ops removed; returns false when they were already a member. */
    public boolean addMember(long projectId, String username) {
        find(projectId);
        if (username == null || username.isBlank() || username.length() > MAX_USERNAME) {
            throw ProblemException.badRequest("unknown-user", "username is required: the annotator's username, at most "
                    + MAX_USERNAME + " characters.");
        }
        User user = User.byUsername(username)
                .orElseThrow(() -> ProblemException.badRequest("unknown-user", "No user named '" + username + "'."));
        if (!user.hasRole(Roles.ANNOTATOR)) {
            throw ProblemException.badRequest("not-an-annotator", "'" + username + "' does not have the annotator role.");
        }
        var existing = Membership.lockAny(projectId, user.id);
        if (existing.isPresent()) {
            boolean back = existing.get().removedAt != null;
            existing.get().removedAt = null;
            return back;
        }
        Membership membership = new Membership();
        membership.projectId = projectId;
        membership.userId = user.id;
        membership.orderSeed = 1 + RANDOM.nextInt(Integer.MAX_VALUE - 1);
        membership.joinedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        membership.persist();
        return true;
    }

    private static int reservationSeconds(long seconds) {
        if (seconds < 1 || seconds > MAX_RESERVATION_SECONDS) {
            throw ProblemException.badRequest("invalid-project", "reservationSeconds must be between 1 and "
                    + MAX_RESERVATION_SECONDS + " (a week).");
        }
        return (int) seconds;
    }

    private static int minBlindMs(long ms) {
        if (ms < 0 || ms > BlindTime.MAX_DECISION_MS) {
            throw ProblemException.badRequest("invalid-project", "minBlindMs must be between 0 and "
                    + BlindTime.MAX_DECISION_MS + " (ten minutes): the least time, in milliseconds, an item's blind step"
                    + " should take on top of reading it.");
        }
        return (int) ms;
    }

    /** New CATEGORICAL projects shuffle unless told FIXED; other task types have no labels to order. */
    private static LabelOrder labelOrderFor(TaskType type, LabelOrder asked) {
        if (type != TaskType.CATEGORICAL) {
            if (asked == LabelOrder.SHUFFLED) {
                throw ProblemException.badRequest("invalid-project", "labelOrder SHUFFLED is only for CATEGORICAL"
                        + " projects: other task types have no labels to order.");
            }
            return LabelOrder.FIXED;
        }
        return asked == null ? LabelOrder.SHUFFLED : asked;
    }

    private static double adjudicationBelow(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw ProblemException.badRequest("invalid-project", "adjudicationBelow must be a share between 0 and 1"
                    + " (0 sends no item to review).");
        }
        return share;
    }

    private static Project locked(long projectId) {
        Project project = Project.findById(projectId, LockModeType.PESSIMISTIC_WRITE);
        if (project == null) {
            throw ProblemException.notFound("Project " + projectId);
        }
        return project;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Project find(long projectId) {
        Project project = Project.findById(projectId);
        if (project == null) {
            throw ProblemException.notFound("Project " + projectId);
        }
        return project;
    }

    /** DRAFT_RATING and PAIRWISE judge the drafts after the blind step, so they need the reveal. */
    private static boolean judgesDrafts(TaskType type) {
        return type == TaskType.DRAFT_RATING || type == TaskType.PAIRWISE;
    }

    /** Only CATEGORICAL takes a label set; every other type's answer is free text. */
    private static String labelsFor(TaskType type, List<String> labels) {
        if (type != TaskType.CATEGORICAL) {
            if (labels != null && !labels.isEmpty()) {
                throw ProblemException.badRequest("invalid-project", "labels are only for CATEGORICAL projects.");
            }
            return null;
        }
        if (labels == null || labels.size() < 2) {
            throw ProblemException.badRequest("invalid-project", "a CATEGORICAL project needs at least two labels.");
        }
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String label : labels) {
            if (label == null || label.isBlank() || label.length() > 100 || label.contains("\n")) {
                throw ProblemException.badRequest("invalid-project", "each label must be 1-100 characters on one line.");
            }
            if (!clean.add(label.strip())) {
                throw ProblemException.badRequest("invalid-project", "label '" + label.strip() + "' is listed twice.");
            }
        }
        return String.join("\n", clean);
    }
}
