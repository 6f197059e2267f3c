/**
 * The offline audit bundle verifier ({@code target/blindfold-verify.jar}, main class
 * {@link dev.blindfold.audit.bundle.VerifyCommand}) and the bundle's file format it reads. Runs without the app. The
 * verifier jar shades this package, {@code provenance.chain} and {@code exposure} by wildcard, and
 * {@code VerifierClosureTest} fails the build when a class here reaches anything else.
 *
 * <p><b>May import:</b> {@code exposure}, {@code provenance.chain}.
 *
 * <p><b>Outside the app, only:</b> {@code java}, {@code com.fasterxml.jackson}.
 */
package dev.blindfold.audit.bundle;
