/**
 * What label ops take out: exposure classes computed from the provenance log, similarity
 * measures, gold and agreement. The rules are plain Java ({@link dev.blindfold.exposure.ExposureClassifier},
 * {@link dev.blindfold.exposure.Similarity}, {@link dev.blindfold.export.Majority},
 * {@link dev.blindfold.export.DawidSkene}); services read events and answers. May call provenance,
 * labeling, project, identity and web.
 */
package dev.blindfold.export;
