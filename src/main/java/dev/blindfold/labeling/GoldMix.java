package dev.blindfold.labeling;

import dev.blindfold.project.KnownAnswers;
import dev.blindfold.project.Membership;
import dev.blindfold.project.Project;
import dev.blindfold.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Mixes gold items ({@link KnownAnswers}) into an annotator's queue. Whether position p is a gold slot is drawn from
 * the annotator's seed and p at the project's gold rate ({@link #goldSlot}); a gold slot takes a gold item they have
 * not had ({@link GoldWalk}), else a regular item; a regular position whose walk finds nothing takes a gold item they
 * have not had, so every annotator gets every gold item before their queue ends ("item k of N" counts them all).
 * With a qualification, every position is a gold slot until the annotator has N blind answers on gold (decided at that
 * commit, {@link #scored}); one below the bar then gets no real items (409 not-qualified). With no gold item to give
 * one who has answered none, nothing is decided (409 qualification-unavailable until ops add gold items).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class GoldMix {

    /** A different stream of the annotator's seed than their walk's start point. */
    private static final int SLOT_STREAM = 0x5bd1e995;

    private final QueueWalk walk;
    private final KnownAnswers known;

    GoldMix(QueueWalk walk, KnownAnswers known) {
        this.walk = walk;
        this.known = known;
    }

    /** Whether the annotator's position is a gold slot at {@code rate}: the same answer every time it is asked. */
    static boolean goldSlot(int seed, int position, double rate) {
        return QueueWalk.start(seed ^ SLOT_STREAM, position) < rate;
    }

    /** The item for the annotator's new assignment at {@code position}; {@code regular} walks the regular items. */
    Optional<QueueWalk.Place> take(Project project, Membership member, int position,
                                   Supplier<Optional<QueueWalk.Place>> regular) {
        double start = QueueWalk.start(member.orderSeed, position);
        if (project.qualificationItems > 0) {
            Boolean qualified = known.qualified(project.id, member.userId);
            if (qualified == null) {
                Optional<QueueWalk.Place> gold = gold(project, member, start);
                if (gold.isPresent()) {
                    return gold;
                }
                qualified = known.decide(project, member.userId);
                if (qualified == null) {
                    throw qualificationUnavailable(project);
                }
            }
            if (!qualified) {
                throw notQualified(project);
            }
        }
        if (goldSlot(member.orderSeed, position, project.goldRate)) {
            Optional<QueueWalk.Place> gold = gold(project, member, start);
            if (gold.isPresent()) {
                return gold;
            }
        }
        Optional<QueueWalk.Place> place = regular.get();
        return place.isPresent() ? place : gold(project, member, start);
    }

    /** A gold item the annotator has not had, walked for only when their counts say one is left. */
    private Optional<QueueWalk.Place> gold(Project project, Membership member, double start) {
        return known.anyLeft(project.id, member.userId) ? walk.takeGold(project.id, member.userId, start)
                : Optional.empty();
    }

    /** Counts a blind or final answer on a gold item; a blind one may decide the annotator's qualification. */
    void scored(Project project, long annotatorId, long itemId, String answer, boolean blind) {
        Optional<String> gold = known.of(itemId);
        if (gold.isEmpty()) {
            return;
        }
        KnownAnswers.Score score = known.score(project.id, annotatorId, gold.get().equals(answer), blind);
        if (blind && project.qualificationItems > 0 && score.blind() >= project.qualificationItems) {
            known.decide(project, annotatorId);
        }
    }

    /** A qualification with no gold item left for an annotator who has answered none: nothing to decide on yet. */
    static ProblemException qualificationUnavailable(Project project) {
        return ProblemException.conflict("qualification-unavailable", "Project '" + project.name + "' asks for a"
                + " qualification on gold items before real items, and has no gold item for you yet. Ask label ops to"
                + " add some; you can start as soon as they do.");
    }

    static ProblemException notQualified(Project project) {
        return ProblemException.conflict("not-qualified", "You did not qualify for project '" + project.name
                + "': your answers on its qualification items were below the accuracy it asks for, so it hands you"
                + " no more items. Ask label ops if you think this is wrong.");
    }
}
