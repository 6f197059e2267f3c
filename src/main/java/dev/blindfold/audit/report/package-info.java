/**
 * The anchoring report of a project, as JSON and as a printable page: whether the log verifies (now, or as
 * last kept), labels per exposure class, agreement, the mirror gap, per-annotator anchoring and flags, and
 * the quality section.
 *
 * <p><b>May import:</b> {@code agreement}, {@code audit.anchoring}, {@code audit.chain}, {@code audit.mirrorgap},
 * {@code golditems}, {@code identity}, {@code project}, {@code provenance}, {@code review}, {@code web}.
 */
package dev.blindfold.audit.report;
