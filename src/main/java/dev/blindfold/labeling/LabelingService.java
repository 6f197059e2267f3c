package dev.blindfold.labeling;

import dev.blindfold.exposure.ContentHash;
import dev.blindfold.project.BlindTime;
import dev.blindfold.project.Draft;
import dev.blindfold.project.Item;
import dev.blindfold.project.LeakCounts;
import dev.blindfold.project.ProjectService;
import dev.blindfold.project.Project;
import dev.blindfold.project.QueueCounts;
import dev.blindfold.project.RevealPolicy;
import dev.blindfold.provenance.EventLog;
import dev.blindfold.provenance.EventLog.NewEvent;
import dev.blindfold.provenance.chain.EventType;
import dev.blindfold.web.BlindfoldConfig;
import dev.blindfold.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server side of the blind loop. Every state change writes its event in the same transaction,
 * so a reveal (B3) can only follow a commit that has landed. Drafts are served in one place only:
 * {@link #reveal}, after the blind answer exists; the commit reads their texts, once the blind answer is stored,
 * only to log their content hashes ({@link CommitContent}) in an event annotators are never shown.
 */
@ApplicationScoped
@Transactional
public class LabelingService {

    /** A draft as the annotator sees it after the commit: its slot, its text, and the text as safe HTML. */
    public record Revealed(String slot, String text, String html) {
    }

    public record ItemView(String externalId, String input) {
    }

    public record NextView(long assignmentId, int position, long total, ItemView item) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EventLog log;
    private final BlindfoldConfig config;
    private final AssignmentQueue queue;
    private final ProjectService projects;
    private final LabelingMeters meters;
    private final QueueCounts counts;
    private final LeakCounts leaks;
    private final Event<BlindAnswersComplete> complete;
    private final GoldMix gold;

    LabelingService(EventLog log, BlindfoldConfig config, AssignmentQueue queue, ProjectService projects,
                    LabelingMeters meters, QueueCounts counts, LeakCounts leaks, Event<BlindAnswersComplete> complete,
                    GoldMix gold) {
        this.gold = gold;
        this.counts = counts;
        this.leaks = leaks;
        this.complete = complete;
        this.log = log;
        this.config = config;
        this.queue = queue;
        this.projects = projects;
        this.meters = meters;
    }

    /** Hands out the next assignment and records that it was shown; empty when nothing is left. */
    public Optional<NextView> showNext(long projectId, long annotatorId) {
        Project project = projects.find(projectId);
        return queue.next(project, annotatorId).map(a -> {
            shown(a);
            Item item = Item.findById(a.itemId);
            long total = queue.progress(project, annotatorId).total();
            return new NextView(a.id, a.position, total, new ItemView(item.externalId, item.input));
        });
    }

    /** The annotator's own assignment, locked for this transaction; someone else's is "not found" (B7). */
    public Assignment owned(long assignmentId, long annotatorId) {
        Assignment a = Assignment.findById(assignmentId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || a.annotatorId != annotatorId) {
            throw ProblemException.notFound("Assignment " + assignmentId);
        }
        return a;
    }

    /**
     * Records that the item was put in front of the annotator; a repeat showing is marked resumed. An unanswered
     * assignment's reservation starts again from now: the annotator is back at it.
     */
    public void shown(Assignment a) {
        Project project = projects.find(a.projectId);
        if (a.status == AssignmentStatus.ASSIGNED) {
            Reservations.reserve(a, project);
        }
        if (a.labelOrder == null) {
            a.labelOrder = ShownLabels.draw(project, RANDOM);
        }
        boolean resumed = log.count(a.id, EventType.ITEM_SHOWN) > 0;
        Map<String, Object> payload = new LinkedHashMap<>(Map.of("position", a.position, "resumed", resumed,
                "guidelinesVersion", project.guidelinesVersion));
        if (a.labelOrder != null) {
            payload.put("labelOrder", ShownLabels.of(a.labelOrder, project));
        }
        record(a, EventType.ITEM_SHOWN, payload);
    }

    public BlindAnswer commit(long assignmentId, long annotatorId, String answer) {
        long started = System.nanoTime();
        Assignment a = owned(assignmentId, annotatorId);
        BlindAnswer existing = BlindAnswer.findById(a.id);
        if (existing != null && existing.answer.equals(answer)) {
            return existing;
        }
        requireOpen(a);
        Reservations.requireReserved(a);
        if (existing != null) {
            throw ProblemException.conflict("already-committed",
                    "This blind answer was committed at " + existing.committedAt + " and cannot change.");
        }
        Project project = Project.findById(a.projectId);
        BlindAnswer blind = new BlindAnswer();
        blind.assignmentId = a.id;
        blind.answer = AnswerRules.check(project, answer, config.answers().maxLength(), "answer");
        blind.committedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        blind.guidelinesVersion = project.guidelinesVersion;
        Item item = Item.findById(a.itemId);
        blind.readingMs = BlindTime.readingMs(item.input);
        blind.decisionMs = BlindTime.decisionMs(project);
        blind.persist();
        a.status = AssignmentStatus.COMMITTED;
        List<String> draftTexts = Draft.find("select d.text from Draft d where d.itemId = ?1", a.itemId)
                .project(String.class).list();
        Map<String, Object> payload = CommitContent.payload(blind.answer, item.input, draftTexts, project.taskType,
                project.labelList(), blind.guidelinesVersion);
        payload.put("readingMs", blind.readingMs);
        payload.put("decisionMs", blind.decisionMs);
        record(a, EventType.BLIND_COMMITTED, payload);
        gold.scored(project, a.annotatorId, a.itemId, blind.answer, true);
        QueueCounts.Labeled labeled = counts.labeled(a.itemId, project.overlap);
        if (labeled.doneItems() == 1) {
            complete.fire(new BlindAnswersComplete(a.projectId, a.itemId));
        }
        counts.addLabeled(a.projectId, labeled);
        meters.committed(started);
        return blind;
    }

    public List<Revealed> reveal(long assignmentId, long annotatorId) {
        Assignment a = owned(assignmentId, annotatorId);
        requireCommitted(a);
        Project project = Project.findById(a.projectId);
        if (project.revealPolicy == RevealPolicy.NEVER_REVEAL) {
            throw ProblemException.conflict("reveal-disabled", "This project never reveals drafts to annotators.");
        }
        boolean first = !a.revealed();
        RevealedDrafts drafts = RevealedDrafts.of(a.itemId, a.draftOrder);
        a.draftOrder = drafts.order();
        if (first && drafts.identityLeak()) {
            leaks.labelShown(a.projectId);
        }
        List<Map<String, Object>> order = drafts.logged();
        List<Revealed> shown = drafts.shown();
        String inputHash = ContentHash.of(Item.<Item>findById(a.itemId).input);
        record(a, EventType.DRAFTS_REVEALED, Map.of("order", order, "repeat", !first, "inputHash", inputHash));
        meters.revealed(!first);
        return shown;
    }

    public void skip(long assignmentId, long annotatorId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw ProblemException.badRequest("invalid-skip", "reason is required (at most 2000 characters).");
        }
        Assignment a = owned(assignmentId, annotatorId);
        if (a.status == AssignmentStatus.SKIPPED) {
            return;
        }
        requireOpen(a);
        Reservations.requireReserved(a);
        if (a.status != AssignmentStatus.ASSIGNED) {
            throw ProblemException.conflict("already-committed", "A committed assignment cannot be skipped.");
        }
        a.status = AssignmentStatus.SKIPPED;
        a.skipReason = reason.strip();
        counts.placeFreed(a.projectId, a.itemId, projects.find(a.projectId).overlap);
        counts.skipped(a.projectId, a.annotatorId);
        record(a, EventType.SKIPPED, Map.of("reason", a.skipReason));
        meters.skipped();
    }

    /**
     * A FINAL or SKIPPED assignment takes nothing new: no client events, no other answer, no skip. What reaches it
     * comes from a page that is out of date (left open, or brought back by Back/Forward); the caller's exact repeat
     * of the request that finished it is answered before this check, as before. A RELEASED one is refused as its
     * reservation having run out.
     */
    static void requireOpen(Assignment a) {
        if (a.status == AssignmentStatus.RELEASED) {
            throw Reservations.expired(a);
        }
        if (a.status == AssignmentStatus.FINAL || a.status == AssignmentStatus.SKIPPED) {
            String how = a.status == AssignmentStatus.FINAL ? "its final answer is saved" : "it was skipped";
            throw ProblemException.conflict("assignment-finished", "Assignment " + a.id + " is already finished ("
                    + how + "); it takes no more events or answers. The page that sent this is out of date.");
        }
    }

    static void requireCommitted(Assignment a) {
        if (a.status == AssignmentStatus.RELEASED) {
            throw Reservations.expired(a);
        }
        if (a.status == AssignmentStatus.ASSIGNED || a.status == AssignmentStatus.SKIPPED) {
            throw ProblemException.conflict("not-committed", "Commit your blind answer first.");
        }
    }

    static void requireRevealed(Assignment a, String what) {
        if (!a.revealed()) {
            throw ProblemException.conflict("not-revealed", what + " needs the drafts to have been revealed first.");
        }
    }

    void record(Assignment a, EventType type, Object payload) {
        log.append(new NewEvent(a.projectId, a.annotatorId, a.id, type, null, payload));
    }
}
