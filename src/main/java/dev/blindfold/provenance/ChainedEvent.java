package dev.blindfold.provenance;

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

    /** Builds one from a stored event, hashing the canonical form of its fields. */
    public static ChainedEvent of(Event e, long position) {
        EventChain.Entry entry = new EventChain.Entry(e.projectId(), e.actorId(), e.assignmentId(), e.seq(), e.type(),
                e.serverTime(), e.clientTime(), e.clientClaimed(), e.payload());
        return new ChainedEvent(e.projectId(), e.actorId(), e.seq(), e.prevHash(), e.hash(),
                EventChain.canonical(entry).getBytes(java.nio.charset.StandardCharsets.UTF_8), position);
    }
}
