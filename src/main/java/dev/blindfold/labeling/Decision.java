package dev.blindfold.labeling;

/** How the annotator settles: keep the blind answer, revise it, or accept a draft. */
public enum Decision {
    KEEP,
    REVISE,
    ACCEPT
}
