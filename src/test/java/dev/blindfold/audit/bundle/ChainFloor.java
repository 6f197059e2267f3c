package dev.blindfold.audit.bundle;

import dev.blindfold.provenance.chain.EventChain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestException;
import java.security.MessageDigest;

/**
 * The floor of any chain verification of an events.jsonl, for the verify benchmark: the work no verifier can skip.
 * Each line is split from the file (the verifier's {@link LineReader}), its prevHash hex decoded, and SHA-256 taken
 * of prevHash's 32 bytes then the canonical bytes, one digest per event, compared with the stored hash. Nothing
 * else: no chain identity, no links, no heads, no checks of the line's frame.
 */
final class ChainFloor {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private ChainFloor() {
    }

    /** The number of events whose stored hash matches. */
    static long hashEvents(Path eventsJsonl) throws IOException, DigestException {
        MessageDigest sha = EventChain.sha256();
        byte[] prev = new byte[32];
        byte[] out = new byte[32];
        long matching = 0;
        try (LineReader lines = new LineReader(Files.newInputStream(eventsJsonl), false)) {
            while (lines.advance()) {
                byte[] b = lines.array();
                int at = lines.start();
                for (int i = 0; i < 32; i++) {
                    prev[i] = (byte) (nibble(b[at + EventLine.PREV_AT + 2 * i]) << 4 | nibble(b[at + EventLine.PREV_AT + 2 * i + 1]));
                }
                sha.update(prev, 0, 32);
                sha.update(b, at + EventLine.EVENT_AT, lines.end() - 1 - (at + EventLine.EVENT_AT));
                sha.digest(out, 0, 32);
                if (matches(out, b, at + EventLine.HASH_AT)) {
                    matching++;
                }
            }
        }
        return matching;
    }

    private static int nibble(byte c) {
        return c <= '9' ? c - '0' : c - 'a' + 10;
    }

    private static boolean matches(byte[] digest, byte[] b, int hexAt) {
        for (int i = 0; i < 32; i++) {
            if (b[hexAt + 2 * i] != HEX[(digest[i] >> 4) & 0xF] || b[hexAt + 2 * i + 1] != HEX[digest[i] & 0xF]) {
                return false;
            }
        }
        return true;
    }
}
