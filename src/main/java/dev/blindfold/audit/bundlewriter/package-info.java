/**
 * Writes a project's audit bundle (a zip of its events, labels, evidence and a signed manifest) as a stream
 * in constant memory, for {@code blindfold-verify.jar} ({@code audit.bundle}) to check offline.
 *
 * <p><b>May import:</b> {@code audit}, {@code audit.bundle}, {@code export}, {@code exposure}, {@code facts},
 * {@code identity}, {@code project}, {@code provenance}, {@code provenance.chain}, {@code web}.
 */
package dev.blindfold.audit.bundlewriter;
