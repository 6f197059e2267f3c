package dev.blindfold.provenance.chain;

import java.security.DigestException;
import java.security.MessageDigest;

/**
 * Whether an event's stored hash is SHA-256(prevHash bytes || canonical bytes): the chain rule for one event, for the
 * chain verifier and for an event read on its own (an audit bundle's evidence). Hot: once per event of an intact
 * chain, so the hex is decoded into and compared against reused buffers, not through HexFormat's fresh arrays and
 * strings. Only lower-case hex is valid (as stored); anything else cannot match. One instance per thread.
 */
public final class EventHash {

    private final MessageDigest sha = EventChain.sha256();
    private final byte[] digestIn = new byte[32];
    private final byte[] digestOut = new byte[32];

    public boolean matches(ChainedEvent e) {
        if (!Hex.decode(e.prevHash(), digestIn)) {
            return false;
        }
        sha.update(digestIn, 0, 32);
        sha.update(e.canonical());
        try {
            sha.digest(digestOut, 0, 32);
        } catch (DigestException impossible) {
            throw new IllegalStateException(impossible);
        }
        return Hex.equals(digestOut, e.hash());
    }
}
