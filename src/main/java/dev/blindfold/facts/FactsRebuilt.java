package dev.blindfold.facts;

/**
 * A project's label facts and answer tallies were just recomputed from the log ({@link FactRebuild}), in the running
 * transaction: read models kept from them rebuild theirs.
 */
public record FactsRebuilt(long projectId) {
}
