/**
 * Observability plumbing shared by every capability: {@link dev.blindfold.observability.AfterCommit} runs a
 * meter update only once the caller's transaction has committed. Each capability keeps its own meters
 * (Micrometer, {@code blindfold_*} in {@code /q/metrics}) next to its code.
 *
 * <p><b>May import:</b> nothing in the app.
 */
package dev.blindfold.observability;
