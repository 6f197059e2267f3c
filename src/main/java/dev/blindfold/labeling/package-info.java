/**
 * The blind loop: an annotator's queue, the blind commit, the reveal, the final decision and skip,
 * each recorded in the provenance log in the same transaction. Resources here are thin; rules live
 * in {@link dev.blindfold.labeling.LabelingService} and plain helpers. May call identity, project,
 * provenance, web and exposure (content hashes for the commit's event).
 */
package dev.blindfold.labeling;
