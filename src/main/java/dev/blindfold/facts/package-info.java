/**
 * Read models: what the views show about labels (exposure class, flags, timings, closeness to drafts, answers for
 * agreement), kept per label and summed per annotator and week in the transactions that append the events changing
 * them, and rebuilt from the log. Uses exposure (the classifier), provenance (the events) and labeling (assignments);
 * export and audit read it. Nothing here decides a label's class: {@link dev.blindfold.exposure.ExposureClassifier}
 * does, from the same events.
 */
package dev.blindfold.facts;
