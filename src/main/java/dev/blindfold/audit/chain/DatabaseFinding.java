package dev.blindfold.audit.chain;

import dev.blindfold.provenance.chain.ChainFinding;

/**
 * One finding of a verification of the log in the database, as the API reports and {@link KeptVerifications} keeps
 * it: a {@link ChainFinding} with its chain named by the actor (the project is the verification's). {@code position}
 * is the event's row id, 0 at a chain's end or for an absent chain. The offline verifier's counterpart is
 * {@link dev.blindfold.audit.bundle.BundleFinding}, whose kinds include these.
 */
public record DatabaseFinding(ChainFinding.Kind kind, long actorId, long seq, long position, String detail) {

    static DatabaseFinding of(ChainFinding f) {
        return new DatabaseFinding(f.kind(), f.chain().actorId(), f.seq(), f.position(), f.detail());
    }
}
