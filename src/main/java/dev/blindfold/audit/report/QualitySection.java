package dev.blindfold.audit.report;

import dev.blindfold.project.LeakCounts;

/**
 * The report's quality section: figures that say how far a project's labels can be trusted without anyone having been
 * shown a draft first. Each part is read from counts kept as the work happens, never by counting labels.
 *
 * @param identityLeaks drafts that name their model: flagged now, redacted, dropped, and labels whose reveal showed one
 *                      (those labels carry {@code identity_leak_shown} in exports)
 */
public record QualitySection(LeakCounts.Figures identityLeaks) {
}
