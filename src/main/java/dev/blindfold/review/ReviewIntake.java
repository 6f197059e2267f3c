package dev.blindfold.review;

import dev.blindfold.labeling.BlindAnswersComplete;
import dev.blindfold.project.KnownAnswers;
import dev.blindfold.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Sends an item to review when its last blind answer commits and its answers disagree: in the commit's transaction,
 * under the item's row lock the commit holds ({@link BlindAnswersComplete}), reading only that item's blind answers
 * (as many as the overlap, by assignments_item_ix). An item that never reaches its overlap (skipped or released
 * places not taken again, a project closed early) is never judged: fewer answers than asked for are not a
 * disagreement, and its open places would still be handed out. A gold item is never sent: its answer is known, and
 * its blind answers score the annotators instead.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class ReviewIntake {

    private final EntityManager em;
    private final AdjudicationCounts counts;
    private final KnownAnswers gold;

    ReviewIntake(EntityManager em, AdjudicationCounts counts, KnownAnswers gold) {
        this.em = em;
        this.counts = counts;
        this.gold = gold;
    }

    void complete(@Observes BlindAnswersComplete complete) {
        Project project = em.find(Project.class, complete.projectId());
        if (project.adjudicationBelow <= 0 || em.find(Adjudication.class, complete.itemId()) != null
                || gold.isGold(complete.itemId())) {
            return;
        }
        List<String> answers = List.copyOf(ReviewService.blindAnswers(em, complete.itemId()).values());
        double share = AgreementShare.of(answers);
        if (!AgreementShare.sendsToReview(share, project.adjudicationBelow)) {
            return;
        }
        Adjudication a = new Adjudication();
        a.itemId = complete.itemId();
        a.projectId = complete.projectId();
        a.status = AdjudicationStatus.WAITING;
        a.agreement = share;
        a.answers = answers.size();
        a.sentAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        a.availableAt = a.sentAt;
        a.persist();
        counts.add(a.projectId, 1, 0);
    }
}
