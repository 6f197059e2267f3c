package dev.blindfold.provenance.chain;

/**
 * One break in a chain: what kind, which chain, the seq where the chain stops being intact, where it was
 * read (row or line; 0 when the break is at the chain's end or the chain is absent), and why in words.
 */
public record ChainFinding(Kind kind, ChainId chain, long seq, long position, String detail) {

    public enum Kind {
        /** An event's bytes no longer match its hash, or it does not follow the event before it. */
        CHANGED,
        /** Events are missing between two that remain. */
        DELETED,
        /** An event that is not part of the chain sits in it (or two events claim the same place). */
        INSERTED,
        /** Two events of the chain are out of order. */
        REORDERED,
        /** The chain ends before its recorded head. */
        TRUNCATED,
        /** A recorded chain has no events at all. */
        MISSING_CHAIN,
        /** Events of a chain that no head records, or a chain split in two places of the stream. */
        UNEXPECTED_CHAIN
    }
}
