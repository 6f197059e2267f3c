package dev.blindfold.project;

/**
 * How a CATEGORICAL project presents its labels: in a random order drawn per assignment (so no label gains from being
 * first, or from where the annotator's hand rests), or in the order label ops wrote them, for ordinal scales
 * ("1 poor … 5 excellent") whose order is part of their meaning.
 */
public enum LabelOrder {
    SHUFFLED,
    FIXED
}
