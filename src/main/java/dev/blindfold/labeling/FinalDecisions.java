package dev.blindfold.labeling;

import dev.blindfold.project.Draft;
import dev.blindfold.project.Project;
import dev.blindfold.project.QueueCounts;
import dev.blindfold.provenance.chain.EventChain;
import dev.blindfold.provenance.chain.EventType;
import dev.blindfold.web.BlindfoldConfig;
import dev.blindfold.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The final decision after the blind commit, by task type ({@link Decision#allowedFor}):
 * <ul>
 *   <li>FREE_TEXT, CATEGORICAL: keep the blind answer (allowed without a reveal), revise it, or accept
 *       a draft (both need a reveal), with optional 1–5 ratings of shown drafts; a CATEGORICAL item accepts only a
 *       draft whose text is one of the project's labels;</li>
 *   <li>DRAFT_RATING: RATE, a 1–5 rating of every shown draft (needs a reveal);</li>
 *   <li>PAIRWISE: PREFER one shown draft's slot, or TIE (both need a reveal).</li>
 * </ul>
 * RATE, PREFER and TIE keep the blind answer as the final answer. A repeat of the same request is
 * idempotent; a different one is refused.
 */
@ApplicationScoped
@Transactional
public class FinalDecisions {

    public record FinalRequest(Decision decision, String answer, String acceptedSlot, String preferredSlot,
                               Map<String, Integer> ratings) {
    }

    private final LabelingService labeling;
    private final BlindfoldConfig config;
    private final LabelingMeters meters;
    private final QueueCounts counts;

    private final GoldMix gold;

    FinalDecisions(LabelingService labeling, BlindfoldConfig config, LabelingMeters meters, QueueCounts counts,
                   GoldMix gold) {
        this.gold = gold;
        this.counts = counts;
        this.labeling = labeling;
        this.config = config;
        this.meters = meters;
    }

    public FinalAnswer finish(long assignmentId, long annotatorId, FinalRequest request) {
        Assignment a = labeling.owned(assignmentId, annotatorId);
        if (a.status.gaveUpItsPlace()) {
            LabelingService.requireOpen(a);
        }
        LabelingService.requireCommitted(a);
        Project project = Project.findById(a.projectId);
        Decision decision = request.decision();
        AnswerRules.checkDecision(project.taskType, decision);
        if (request.preferredSlot() != null && decision != Decision.PREFER) {
            throw ProblemException.badRequest("invalid-final", "preferredSlot is only taken with the decision PREFER.");
        }
        if (request.answer() != null && decision.judgesDrafts()) {
            throw ProblemException.badRequest("invalid-final",
                    "answer is not taken with " + decision + ": the final answer is the blind answer.");
        }
        FinalAnswer fin = new FinalAnswer();
        fin.assignmentId = a.id;
        fin.decision = decision;
        fin.answer = finalAnswerFor(a, project, request);
        fin.acceptedSlot = decision == Decision.ACCEPT ? request.acceptedSlot() : null;
        fin.preferredSlot = decision == Decision.PREFER ? request.preferredSlot() : null;
        Map<String, Integer> ratings = checkedRatings(a, decision, request.ratings());
        fin.ratings = ratings.isEmpty() ? null : EventChain.canonicalJson(ratings);
        FinalAnswer existing = FinalAnswer.findById(a.id);
        if (existing != null) {
            if (existing.sameDecisionAs(fin)) {
                return existing;
            }
            throw ProblemException.conflict("already-final", "This assignment already has a final answer.");
        }
        fin.savedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        fin.persist();
        a.status = AssignmentStatus.FINAL;
        counts.finalSaved(a.projectId, a.annotatorId);
        gold.scored(project, a.annotatorId, a.itemId, fin.answer, false);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("decision", fin.decision.name());
        payload.put("answer", fin.answer);
        payload.put("acceptedSlot", fin.acceptedSlot);
        payload.put("preferredSlot", fin.preferredSlot);
        payload.put("revealed", a.revealed());
        labeling.record(a, EventType.FINAL_SAVED, payload);
        if (!ratings.isEmpty()) {
            labeling.record(a, EventType.DRAFTS_RATED, Map.of("ratings", ratings));
        }
        meters.finalSaved(decision);
        return fin;
    }

    private String finalAnswerFor(Assignment a, Project project, FinalRequest request) {
        String blind = BlindAnswer.<BlindAnswer>findById(a.id).answer;
        return switch (request.decision()) {
            case KEEP -> blind;
            case REVISE -> {
                LabelingService.requireRevealed(a, "Revising");
                yield AnswerRules.check(project, request.answer(), config.answers().maxLength(), "answer");
            }
            case ACCEPT -> {
                LabelingService.requireRevealed(a, "Accepting a draft");
                String text = Draft.<Draft>findById(shownDraft(a, request.acceptedSlot(), "acceptedSlot")).text;
                yield AnswerRules.checkAccepted(project, request.acceptedSlot(), text);
            }
            case RATE -> {
                LabelingService.requireRevealed(a, "Rating the drafts");
                yield blind;
            }
            case PREFER -> {
                LabelingService.requireRevealed(a, "Preferring a draft");
                shownDraft(a, request.preferredSlot(), "preferredSlot");
                yield blind;
            }
            case TIE -> {
                LabelingService.requireRevealed(a, "Calling a tie");
                yield blind;
            }
        };
    }

    /** The id of the draft shown in {@code slot}; 400 naming {@code field} and the shown slots otherwise. */
    private static long shownDraft(Assignment a, String slot, String field) {
        List<Long> ids = DraftSlots.parse(a.draftOrder);
        int index = DraftSlots.index(slot);
        if (index < 0 || index >= ids.size()) {
            throw ProblemException.badRequest("invalid-final", field + " must name a shown draft slot ("
                    + DraftSlots.describe(ids.size()) + ").");
        }
        return ids.get(index);
    }

    /** RATE must rate every shown draft; other decisions may rate some, after a reveal. */
    private static Map<String, Integer> checkedRatings(Assignment a, Decision decision, Map<String, Integer> given) {
        Map<String, Integer> ratings = given == null ? Map.of() : given;
        int shown = DraftSlots.parse(a.draftOrder).size();
        if (decision == Decision.RATE) {
            AnswerRules.checkEveryDraftRated(ratings, shown);
        } else if (!ratings.isEmpty()) {
            LabelingService.requireRevealed(a, "Rating drafts");
            AnswerRules.checkRatings(ratings, shown);
        }
        return ratings;
    }
}
