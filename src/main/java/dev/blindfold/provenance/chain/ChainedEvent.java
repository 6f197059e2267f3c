package dev.blindfold.provenance.chain;

/**
 * An event as a verifier reads it: which chain and position it claims, the two hashes stored beside it,
 * and the bytes its hash covers ({@link EventChain#canonical} of the stored fields, or the canonical
 * bytes an audit bundle carries verbatim). {@code position} is where it was read (row or line number),
 * for reports.
 */
public record ChainedEvent(long projectId, long actorId, long seq, String prevHash, String hash, byte[] canonical,
                           long position) {

    public ChainId chain() {
        return new ChainId(projectId, actorId);
    }
}
