/**
 * Exposure classes computed from the provenance log alone (B6): {@link dev.blindfold.exposure.ExposureClassifier}
 * reads one annotator's events in order and says, for each label, whether it was written blind and how close it
 * came to the drafts ({@link dev.blindfold.exposure.Similarity}). Plain Java shared by the app and the offline
 * verifier jar, so it may import only the JDK, Jackson and {@code dev.blindfold.provenance.chain}.
 */
package dev.blindfold.exposure;
