/**
 * Every label of a project, a page at a time, and the timeline of one label: what its annotator saw, and
 * when, with its exposure class, prior exposure and flags.
 *
 * <p><b>May import:</b> {@code audit.anchoring}, {@code exposure}, {@code facts}, {@code identity}, {@code labeling},
 * {@code project}, {@code provenance}, {@code provenance.chain}, {@code web}.
 */
package dev.blindfold.audit.timeline;
