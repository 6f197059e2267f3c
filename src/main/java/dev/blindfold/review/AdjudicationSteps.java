package dev.blindfold.review;

import dev.blindfold.exposure.ContentHash;
import dev.blindfold.labeling.AnswerRules;
import dev.blindfold.labeling.DraftSlots;
import dev.blindfold.labeling.LabelingService.Revealed;
import dev.blindfold.labeling.RevealedDrafts;
import dev.blindfold.project.Draft;
import dev.blindfold.project.Item;
import dev.blindfold.project.Project;
import dev.blindfold.project.ProjectService;
import dev.blindfold.project.RevealPolicy;
import dev.blindfold.provenance.chain.EventType;
import dev.blindfold.web.BlindfoldConfig;
import dev.blindfold.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * After the commit: the reveal of the item's drafts to the reviewer (ADJUDICATION_REVEALED; served only once the
 * commit's transaction has committed, since it needs the committed row, and logged after the commit's event in the
 * reviewer's chain: B3), and the final decision (ADJUDICATION_FINAL): keep the committed answer, revise it, or accept a
 * draft. Drafts are shown as annotators see them: slots A, B, ... in a random order fixed at the first reveal.
 */
@ApplicationScoped
@Transactional
public class AdjudicationSteps {

    /** A final decision: KEEP, REVISE (with {@code answer}) or ACCEPT (with {@code acceptedSlot}). */
    public record FinalRequest(String decision, String answer, String acceptedSlot) {
    }

    private final ReviewService reviews;
    private final ProjectService projects;
    private final ReviewLog log;
    private final int maxLength;

    AdjudicationSteps(ReviewService reviews, ProjectService projects, ReviewLog log, BlindfoldConfig config) {
        this.reviews = reviews;
        this.projects = projects;
        this.log = log;
        this.maxLength = config.answers().maxLength();
    }

    public List<Revealed> reveal(long itemId, long reviewerId) {
        Adjudication a = reviews.held(itemId, reviewerId);
        if (a.status == AdjudicationStatus.WAITING) {
            throw ProblemException.conflict("not-committed", "Commit your adjudicated answer first.");
        }
        Project project = projects.find(a.projectId);
        if (project.revealPolicy == RevealPolicy.NEVER_REVEAL) {
            throw ProblemException.conflict("reveal-disabled", "This project never reveals drafts.");
        }
        boolean first = !a.revealed();
        RevealedDrafts drafts = RevealedDrafts.of(itemId, a.draftOrder);
        a.draftOrder = drafts.order();
        List<Revealed> shown = drafts.shown();
        List<Map<String, Object>> order = drafts.logged();
        String inputHash = ContentHash.of(Item.<Item>findById(itemId).input);
        log.append(a, EventType.ADJUDICATION_REVEALED, Map.of("order", order, "repeat", !first, "inputHash", inputHash));
        if (first) {
            log.classify(a);
        }
        return shown;
    }

    public Adjudication finish(long itemId, long reviewerId, FinalRequest request) {
        Adjudication a = reviews.held(itemId, reviewerId);
        if (a.status == AdjudicationStatus.WAITING) {
            throw ProblemException.conflict("not-committed", "Commit your adjudicated answer first.");
        }
        if (!a.revealed()) {
            throw ProblemException.conflict("not-revealed", "The final decision needs the drafts revealed first.");
        }
        Project project = projects.find(a.projectId);
        String decision = request == null ? null : request.decision();
        List<Long> ids = DraftSlots.parse(a.draftOrder);
        String answer = switch (decision == null ? "" : decision) {
            case "KEEP" -> a.answer;
            case "REVISE" -> AnswerRules.check(project, request.answer(), maxLength, "answer");
            case "ACCEPT" -> {
                int slot = DraftSlots.index(request.acceptedSlot());
                if (slot < 0 || slot >= ids.size()) {
                    throw ProblemException.badRequest("invalid-decision", "acceptedSlot must name a shown draft: "
                            + DraftSlots.describe(ids.size()) + ".");
                }
                Draft draft = Draft.findById(ids.get(slot));
                yield AnswerRules.checkAccepted(project, request.acceptedSlot(), draft.text);
            }
            default -> throw ProblemException.badRequest("invalid-decision",
                    "decision must be KEEP, REVISE (with answer) or ACCEPT (with acceptedSlot).");
        };
        if (a.status == AdjudicationStatus.FINAL) {
            if (Objects.equals(answer, a.answer)) {
                return a;
            }
            throw ProblemException.conflict("adjudication-final", "This adjudication is final since " + a.finishedAt
                    + "; it cannot change.");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("decision", decision);
        payload.put("answer", answer);
        payload.put("acceptedSlot", "ACCEPT".equals(decision) ? request.acceptedSlot() : null);
        log.append(a, EventType.ADJUDICATION_FINAL, payload);
        a.answer = answer;
        a.status = AdjudicationStatus.FINAL;
        a.finishedAt = ReviewQueue.now();
        log.classify(a);
        return a;
    }
}
