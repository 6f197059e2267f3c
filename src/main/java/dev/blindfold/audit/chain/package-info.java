/**
 * Verification of a project's log as the database holds it ({@link dev.blindfold.audit.chain.ChainAudit}):
 * every chain a page at a time against its recorded head, the events appended while it ran, committed labels whose
 * event is missing; its findings ({@link dev.blindfold.audit.chain.DatabaseFinding}) and outcomes kept for the report
 * ({@link dev.blindfold.audit.chain.KeptVerifications}); and on request whether the read models agree with the log
 * ({@link dev.blindfold.audit.chain.ReadModelCheck}).
 *
 * <p><b>May import:</b> {@code agreement}, {@code audit}, {@code audit.mirrorgap}, {@code facts}, {@code identity},
 * {@code project}, {@code provenance}, {@code provenance.chain}, {@code web}.
 */
package dev.blindfold.audit.chain;
