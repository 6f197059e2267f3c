package dev.blindfold.project;

/** Whether drafts are ever shown to annotators, and when. */
public enum RevealPolicy {
    REVEAL_AFTER_COMMIT,
    NEVER_REVEAL
}
