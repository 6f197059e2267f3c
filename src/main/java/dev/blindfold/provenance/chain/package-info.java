/**
 * The hash chain's rules in plain Java: event types, the canonical form and SHA-256 link
 * ({@link dev.blindfold.provenance.chain.EventChain}) and the verifier of a chain read in order
 * ({@link dev.blindfold.provenance.chain.ChainVerifier}). Shared by the app and the offline verifier jar, so it
 * may import only the JDK.
 */
package dev.blindfold.provenance.chain;
