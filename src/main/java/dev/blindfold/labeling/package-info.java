/**
 * The blind loop: an annotator's queue and home page, the blind commit, the reveal, the final decision and skip,
 * each recorded in the provenance log in the same transaction. Resources here are thin; rules live
 * in {@link dev.blindfold.labeling.LabelingService}, {@link dev.blindfold.labeling.AssignmentQueue} and plain helpers.
 *
 * <p><b>May import:</b> {@code exposure}, {@code identity}, {@code observability}, {@code project},
 * {@code provenance}, {@code provenance.chain}, {@code web}.
 */
package dev.blindfold.labeling;
