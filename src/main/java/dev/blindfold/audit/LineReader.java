package dev.blindfold.audit;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Splits a stream into lines of bytes (without the {@code \n}) while counting and digesting every byte read:
 * one pass gives both the lines and the file's SHA-256.
 */
final class LineReader implements AutoCloseable {

    private final InputStream in;
    private final MessageDigest sha = dev.blindfold.provenance.EventChain.sha256();
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long bytes;
    private long lineNumber;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line's bytes, or null at the end. A last line without {@code \n} still counts. */
    byte[] next() throws IOException {
        byte[] acc = null;
        int accLen = 0;
        while (true) {
            if (pos == limit && !fill()) {
                if (acc == null) {
                    return null;
                }
                lineNumber++;
                return Arrays.copyOf(acc, accLen);
            }
            int start = pos;
            while (pos < limit && buf[pos] != '\n') {
                pos++;
            }
            int len = pos - start;
            if (acc == null && pos < limit) {
                pos++;
                lineNumber++;
                return Arrays.copyOfRange(buf, start, start + len);
            }
            if (acc == null) {
                acc = new byte[Math.max(256, len * 2)];
            }
            if (accLen + len > acc.length) {
                acc = Arrays.copyOf(acc, Math.max(acc.length * 2, accLen + len));
            }
            System.arraycopy(buf, start, acc, accLen, len);
            accLen += len;
            if (pos < limit) {
                pos++;
                lineNumber++;
                return Arrays.copyOf(acc, accLen);
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.readNBytes(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        sha.update(buf, 0, n);
        bytes += n;
        pos = 0;
        limit = n;
        return true;
    }

    /** The number of the line {@link #next} returned last (1-based). */
    long lineNumber() {
        return lineNumber;
    }

    /** Reads what is left, so the count and digest cover the whole file. */
    void drain() throws IOException {
        pos = limit;
        while (fill()) {
            pos = limit;
        }
    }

    long bytes() {
        return bytes;
    }

    String sha256() {
        return HexFormat.of().formatHex(sha.digest());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
