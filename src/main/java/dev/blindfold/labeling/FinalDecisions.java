package dev.blindfold.labeling;

import dev.blindfold.project.Draft;
import dev.blindfold.project.Project;
import dev.blindfold.provenance.EventChain;
import dev.blindfold.provenance.EventType;
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
 * The final decision after the blind commit: keep the blind answer (allowed without a reveal),
 * revise it, or accept a draft (both need a reveal), with optional 1–5 ratings per shown draft.
 * A repeat of the same decision is idempotent; a different one is refused.
 */
@ApplicationScoped
@Transactional
public class FinalDecisions {

    public record FinalRequest(Decision decision, String answer, String acceptedSlot, Map<String, Integer> ratings) {
    }

    private final LabelingService labeling;
    private final BlindfoldConfig config;

    FinalDecisions(LabelingService labeling, BlindfoldConfig config) {
        this.labeling = labeling;
        this.config = config;
    }

    public FinalAnswer finish(long assignmentId, long annotatorId, FinalRequest request) {
        Assignment a = labeling.owned(assignmentId, annotatorId);
        LabelingService.requireCommitted(a);
        if (request.decision() == null) {
            throw ProblemException.badRequest("invalid-final", "decision is required: KEEP, REVISE or ACCEPT.");
        }
        Project project = Project.findById(a.projectId);
        String answer = finalAnswerFor(a, project, request);
        Map<String, Integer> ratings = request.ratings() == null ? Map.of() : request.ratings();
        if (!ratings.isEmpty()) {
            LabelingService.requireRevealed(a, "Rating drafts");
            AnswerRules.checkRatings(ratings, DraftSlots.parse(a.draftOrder).size());
        }
        FinalAnswer existing = FinalAnswer.findById(a.id);
        if (existing != null) {
            if (existing.decision == request.decision() && existing.answer.equals(answer)) {
                return existing;
            }
            throw ProblemException.conflict("already-final", "This assignment already has a final answer.");
        }
        FinalAnswer fin = new FinalAnswer();
        fin.assignmentId = a.id;
        fin.decision = request.decision();
        fin.answer = answer;
        fin.acceptedSlot = request.decision() == Decision.ACCEPT ? request.acceptedSlot() : null;
        fin.ratings = ratings.isEmpty() ? null : EventChain.canonicalJson(ratings);
        fin.savedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        fin.persist();
        a.status = AssignmentStatus.FINAL;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("decision", fin.decision.name());
        payload.put("answer", fin.answer);
        payload.put("acceptedSlot", fin.acceptedSlot);
        payload.put("revealed", a.revealed());
        labeling.record(a, EventType.FINAL_SAVED, payload);
        if (!ratings.isEmpty()) {
            labeling.record(a, EventType.DRAFTS_RATED, Map.of("ratings", ratings));
        }
        return fin;
    }

    private String finalAnswerFor(Assignment a, Project project, FinalRequest request) {
        return switch (request.decision()) {
            case KEEP -> BlindAnswer.<BlindAnswer>findById(a.id).answer;
            case REVISE -> {
                LabelingService.requireRevealed(a, "Revising");
                yield AnswerRules.check(project, request.answer(), config.answers().maxLength(), "answer");
            }
            case ACCEPT -> {
                LabelingService.requireRevealed(a, "Accepting a draft");
                List<Long> ids = DraftSlots.parse(a.draftOrder);
                int index = DraftSlots.index(request.acceptedSlot());
                if (index < 0 || index >= ids.size()) {
                    throw ProblemException.badRequest("invalid-final", "acceptedSlot must name a shown draft slot.");
                }
                yield Draft.<Draft>findById(ids.get(index)).text;
            }
        };
    }
}
