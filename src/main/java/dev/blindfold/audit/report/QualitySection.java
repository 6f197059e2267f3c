package dev.blindfold.audit.report;

import dev.blindfold.golditems.GoldQuality;
import dev.blindfold.project.LeakCounts;
import dev.blindfold.review.AdjudicationRates;

/**
 * The report's quality section: figures that say how far a project's labels can be trusted without anyone having been
 * shown a draft first. Each part is read from counts kept as the work happens, never by counting labels.
 *
 * @param goldAccuracy  each annotator's accuracy on gold items (known answers), blind and final
 * @param identityLeaks drafts that name their model: flagged now, redacted, dropped, and labels whose reveal showed one
 *                      (those labels carry {@code identity_leak_shown} in exports)
 * @param adjudication    items sent to a reviewer because their blind answers disagree, and how many were adjudicated
 */
public record QualitySection(GoldQuality goldAccuracy, LeakCounts.Figures identityLeaks, AdjudicationRates adjudication) {
}
