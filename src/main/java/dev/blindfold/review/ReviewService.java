package dev.blindfold.review;

import dev.blindfold.exposure.ContentHash;
import dev.blindfold.labeling.AnswerRules;
import dev.blindfold.project.Item;
import dev.blindfold.project.Project;
import dev.blindfold.project.ProjectService;
import dev.blindfold.project.RevealPolicy;
import dev.blindfold.provenance.Event;
import dev.blindfold.provenance.chain.EventType;
import dev.blindfold.web.BlindfoldConfig;
import dev.blindfold.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reviewer's showing and commit. The item comes from {@link ReviewQueue}; its blind answers are shown in a random
 * order fixed per reviewer and logged (REVIEW_SHOWN, with the answers' assignment ids and content hashes, read only by
 * auditors); a reviewer account never labels (identity's role rules), so what it is shown never meets a blind answer
 * of its own. The commit (ADJUDICATION_COMMITTED) takes a new answer or one of the shown ones by number;
 * drafts come after it ({@link AdjudicationSteps}).
 */
@ApplicationScoped
@Transactional
public class ReviewService {

    /** A commit: a written {@code answer}, or {@code pickedSlot}, the number of a shown blind answer; exactly one. */
    public record CommitRequest(String answer, Integer pickedSlot) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final ProjectService projects;
    private final ReviewQueue queue;
    private final ReviewLog log;
    private final AdjudicationCounts counts;
    private final int maxLength;

    ReviewService(EntityManager em, ProjectService projects, ReviewQueue queue, ReviewLog log, AdjudicationCounts counts,
                  BlindfoldConfig config) {
        this.em = em;
        this.projects = projects;
        this.queue = queue;
        this.log = log;
        this.counts = counts;
        this.maxLength = config.answers().maxLength();
    }

    /** The reviewer's item in the project, shown (and logged) now; empty when nothing is left for them. */
    public Optional<ReviewView> next(long projectId, long reviewerId) {
        Project project = projects.find(projectId);
        return queue.next(project, reviewerId).map(a -> show(a, project));
    }

    private ReviewView show(Adjudication a, Project project) {
        Map<Long, String> blind = blindAnswers(em, a.itemId);
        boolean resumed = a.answerOrder != null;
        if (!resumed) {
            List<Long> order = new ArrayList<>(blind.keySet());
            Collections.shuffle(order, RANDOM);
            a.answerOrder = String.join(",", order.stream().map(String::valueOf).toList());
        }
        if (a.status == AdjudicationStatus.WAITING) {
            ReviewQueue.reserve(a, project, ReviewQueue.now());
        }
        Item item = Item.findById(a.itemId);
        List<Map<String, Object>> logged = new ArrayList<>();
        List<ReviewView.ShownAnswer> shown = new ArrayList<>();
        List<Long> order = order(a);
        for (int i = 0; i < order.size(); i++) {
            String text = blind.get(order.get(i));
            shown.add(new ReviewView.ShownAnswer(i + 1, text));
            logged.add(Map.of("slot", i + 1, "assignmentId", order.get(i), "answerHash", ContentHash.of(text)));
        }
        Event event = log.append(a, EventType.REVIEW_SHOWN, Map.of("resumed", resumed, "answers", logged,
                "inputHash", ContentHash.of(item.input), "agreement", a.agreement,
                "guidelinesVersion", project.guidelinesVersion));
        if (!resumed) {
            a.shownSeq = event.seq();
        }
        return new ReviewView(a.itemId, project.id, project.name, project.taskType.name(), project.labelList(),
                item.externalId, item.input, project.guidelines, project.guidelinesVersion, shown, a.status.name(),
                a.status == AdjudicationStatus.WAITING ? null : a.answer, a.revealed(),
                a.status == AdjudicationStatus.WAITING ? a.availableAt : null);
    }

    public Adjudication commit(long itemId, long reviewerId, CommitRequest request) {
        if (request == null || (request.answer() == null) == (request.pickedSlot() == null)) {
            throw ProblemException.badRequest("invalid-adjudication", "give answer (your own) or pickedSlot (the"
                    + " number of a shown blind answer), exactly one of them.");
        }
        Adjudication a = held(itemId, reviewerId);
        Project project = projects.find(a.projectId);
        List<Long> order = order(a);
        if (request.pickedSlot() != null && (request.pickedSlot() < 1 || request.pickedSlot() > order.size())) {
            throw ProblemException.badRequest("invalid-adjudication", "pickedSlot must be between 1 and "
                    + order.size() + ", the blind answers shown.");
        }
        String answer = request.answer() != null ? AnswerRules.check(project, request.answer(), maxLength, "answer")
                : blindAnswers(em, itemId).get(order.get(request.pickedSlot() - 1));
        if (a.status != AdjudicationStatus.WAITING) {
            if (answer.equals(a.answer) && a.committedAt != null && a.finishedAt == null) {
                return a;
            }
            throw ProblemException.conflict("already-committed", "This adjudication was committed at " + a.committedAt
                    + " and cannot change.");
        }
        if (a.availableAt.isBefore(ReviewQueue.now())) {
            throw ProblemException.conflict("reservation-expired", "Your reservation of this item ran out at "
                    + a.availableAt + " before you committed; it went back to the review queue.");
        }
        a.answer = answer;
        a.committedAt = ReviewQueue.now();
        a.status = AdjudicationStatus.COMMITTED;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("answer", answer);
        payload.put("pickedSlot", request.pickedSlot());
        payload.put("pickedAssignmentId", request.pickedSlot() == null ? null : order.get(request.pickedSlot() - 1));
        payload.put("guidelinesVersion", project.guidelinesVersion);
        log.append(a, EventType.ADJUDICATION_COMMITTED, payload);
        if (project.revealPolicy == RevealPolicy.NEVER_REVEAL) {
            a.status = AdjudicationStatus.FINAL;
            a.finishedAt = a.committedAt;
        }
        log.classify(a);
        counts.add(a.projectId, 0, 1);
        return a;
    }

    /** The adjudication of the item, locked, if this reviewer holds it; "not found" otherwise (B7). */
    Adjudication held(long itemId, long reviewerId) {
        Adjudication a = em.find(Adjudication.class, itemId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || a.reviewerId == null || a.reviewerId != reviewerId || a.answerOrder == null) {
            throw ProblemException.notFound("Review of item " + itemId);
        }
        return a;
    }

    private static List<Long> order(Adjudication a) {
        return java.util.Arrays.stream(a.answerOrder.split(",")).map(Long::valueOf).toList();
    }

    /** The item's blind answers by assignment id: as many as its overlap, read by assignments_item_ix. */
    static Map<Long, String> blindAnswers(EntityManager em, long itemId) {
        Map<Long, String> out = new LinkedHashMap<>();
        em.createNativeQuery("SELECT a.id, b.answer FROM assignments a JOIN blind_answers b ON b.assignment_id = a.id"
                        + " WHERE a.item_id = ?1 ORDER BY a.id", Object[].class).setParameter(1, itemId).getResultList()
                .forEach(r -> out.put(((Number) ((Object[]) r)[0]).longValue(), (String) ((Object[]) r)[1]));
        return out;
    }
}
