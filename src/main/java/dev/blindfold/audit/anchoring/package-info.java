/**
 * How much each annotator's labels lean on the drafts, week by week, and the labels flagged as unlike
 * independent work: the project audit page, its charts and its JSON and CSV tables, read from the kept label facts.
 *
 * <p><b>May import:</b> {@code agreement}, {@code audit}, {@code exposure}, {@code facts}, {@code identity},
 * {@code project}, {@code web}.
 */
package dev.blindfold.audit.anchoring;
