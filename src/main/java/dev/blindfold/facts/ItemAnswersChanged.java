package dev.blindfold.facts;

/**
 * An item's answers as project-wide agreement and gold count them changed in the running transaction: its blind
 * answers that are not seen_before_commit ({@code blind}), its final answers ({@code fin}), or both. Announced to
 * synchronous observers by {@link FactStore} after the answer tallies of the item are locked and moved, so an observer
 * keeping something per item takes its turn behind them.
 */
public record ItemAnswersChanged(long projectId, long itemId, boolean blind, boolean fin) {
}
