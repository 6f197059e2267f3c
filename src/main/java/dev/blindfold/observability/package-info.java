/**
 * Observability plumbing shared by every capability: {@link dev.blindfold.observability.AfterCommit} runs a
 * meter update only once the caller's transaction has committed. Each capability keeps its own meters
 * (Micrometer, {@code blindfold_*} in {@code /q/metrics}) next to its code. Calls nothing else in the app;
 * any package may call it.
 */
package dev.blindfold.observability;
