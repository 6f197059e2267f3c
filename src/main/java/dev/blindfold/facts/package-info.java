/**
 * Read models: what the views show about labels (exposure class, flags, timings, closeness to drafts, answers for
 * agreement), kept per label and summed per annotator and week in the transactions that append the events changing
 * them, and rebuilt from the log. Nothing here decides a label's class: {@link dev.blindfold.exposure.ExposureClassifier}
 * does, from the same events. Agreement, export, the overview and audit read it.
 *
 * <p><b>May import:</b> {@code exposure}, {@code identity}, {@code labeling}, {@code provenance},
 * {@code provenance.chain}, {@code web}.
 */
package dev.blindfold.facts;
