package dev.blindfold.provenance.chain;

/** Where a chain is recorded to end: its length (the last seq) and the last event's hash. */
public record ChainHeadRef(ChainId chain, long length, String hash) {
}
