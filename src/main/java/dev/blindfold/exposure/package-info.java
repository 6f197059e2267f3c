/**
 * Exposure classes computed from the provenance log alone (B6): {@link dev.blindfold.exposure.ExposureClassifier}
 * reads one annotator's events in order and says, for each label, whether it was written blind and how close it
 * came to the drafts ({@link dev.blindfold.exposure.Similarity}). Plain Java shared by the app and the offline
 * verifier jar.
 *
 * <p><b>May import:</b> {@code provenance.chain}.
 *
 * <p><b>Outside the app, only:</b> {@code java}, {@code com.fasterxml.jackson}.
 */
package dev.blindfold.exposure;
