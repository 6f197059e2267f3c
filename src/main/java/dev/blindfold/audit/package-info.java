/**
 * What auditors use, one capability a package: {@code audit.chain} (verification of the log in the database),
 * {@code audit.bundle} (the offline bundle verifier) and {@code audit.bundlewriter} (the bundle, written),
 * {@code audit.anchoring} (per-annotator anchoring, drift, flags: the audit page), {@code audit.mirrorgap} (the mirror
 * gap per model family), {@code audit.timeline} (every label and its timeline) and {@code audit.report} (the anchoring report,
 * from all of these). This package holds only what several of them share: the audit tables as CSV
 * ({@link dev.blindfold.audit.AuditCsv}), the figures' formats on the pages ({@link dev.blindfold.audit.AuditFormats})
 * and the verification and bundle meters ({@link dev.blindfold.audit.AuditMeters}). Read-only, but for the outcomes of
 * verifications they keep.
 *
 * <p><b>May import:</b> {@code export}, {@code observability}, {@code web}.
 */
package dev.blindfold.audit;
