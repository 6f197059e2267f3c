/**
 * The append-only provenance log: event types, the canonical form and SHA-256 hash chain
 * ({@link dev.blindfold.provenance.chain.EventChain}, plain Java), and {@link dev.blindfold.provenance.EventLog},
 * which can only append inside the caller's transaction and read. Calls nothing else in the app but
 * observability (its meters count appended events).
 */
package dev.blindfold.provenance;
