/**
 * The offline audit bundle verifier ({@code target/blindfold-verify.jar}, main class
 * {@link dev.blindfold.audit.bundle.VerifyCommand}) and the bundle's file format it reads. Runs without the app:
 * may import only the JDK, Jackson, {@code dev.blindfold.provenance.chain} and {@code dev.blindfold.exposure}.
 * The verifier jar shades exactly these three packages by wildcard, and {@code VerifierClosureTest} fails the
 * build when a class here reaches anything else.
 */
package dev.blindfold.audit.bundle;
