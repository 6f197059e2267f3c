package dev.blindfold.project;

/**
 * What an annotator produces. Every type starts with the blind step: the annotator's own answer,
 * committed before any draft is shown.
 * <ul>
 *   <li>{@code FREE_TEXT}: a free-text answer, then keep, revise or accept a draft;</li>
 *   <li>{@code CATEGORICAL}: one label from the project's label set, then the same decision;</li>
 *   <li>{@code DRAFT_RATING}: a free-text answer, then a 1–5 rating of every draft against it;</li>
 *   <li>{@code PAIRWISE}: a free-text answer, then, with two or more drafts shown anonymously in a
 *       random order, the preferred draft or a tie.</li>
 * </ul>
 */
public enum TaskType {
    FREE_TEXT,
    CATEGORICAL,
    DRAFT_RATING,
    PAIRWISE;

    /**
     * Whether this type's answers are free text. Only CATEGORICAL answers come from a fixed label set; gold and the
     * mirror gap list a free-text item's distinct answers as references instead of taking one majority answer.
     */
    public boolean freeText() {
        return this != CATEGORICAL;
    }
}
