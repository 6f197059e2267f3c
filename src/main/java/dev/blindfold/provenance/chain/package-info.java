/**
 * The hash chain's rules in plain Java: event types, the canonical form and SHA-256 link
 * ({@link dev.blindfold.provenance.chain.EventChain}), the verifier of a chain read in order
 * ({@link dev.blindfold.provenance.chain.ChainVerifier}) and what it finds
 * ({@link dev.blindfold.provenance.chain.ChainFinding}: the kinds every verification reports). Shared by the app and
 * the offline verifier jar.
 *
 * <p><b>May import:</b> nothing in the app.
 *
 * <p><b>Outside the app, only:</b> {@code java}, {@code com.fasterxml.jackson}.
 */
package dev.blindfold.provenance.chain;
