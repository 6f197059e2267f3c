package dev.blindfold.labeling;

import dev.blindfold.project.TaskType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How the annotator settles after the blind commit. FREE_TEXT and CATEGORICAL keep the blind answer,
 * revise it, or accept a draft; DRAFT_RATING rates every shown draft (RATE); PAIRWISE prefers one
 * shown draft or calls a tie. RATE, PREFER and TIE judge the drafts without changing the answer:
 * their final answer is the blind answer.
 */
public enum Decision {
    KEEP,
    REVISE,
    ACCEPT,
    RATE,
    PREFER,
    TIE;

    /** The decisions a project of this task type takes, in the order error messages list them. */
    static Set<Decision> allowedFor(TaskType type) {
        return switch (type) {
            case FREE_TEXT, CATEGORICAL -> EnumSet.of(KEEP, REVISE, ACCEPT);
            case DRAFT_RATING -> EnumSet.of(RATE);
            case PAIRWISE -> EnumSet.of(PREFER, TIE);
        };
    }

    /** "RATE", "PREFER or TIE", "KEEP, REVISE or ACCEPT". */
    static String describe(Set<Decision> decisions) {
        List<String> names = decisions.stream().map(Decision::name).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** RATE, PREFER and TIE judge the shown drafts; they take no answer and keep the blind one. */
    boolean judgesDrafts() {
        return this == RATE || this == PREFER || this == TIE;
    }
}
