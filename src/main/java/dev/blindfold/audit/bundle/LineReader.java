package dev.blindfold.audit.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Splits a stream into lines of bytes (without the {@code \n}) while counting, and optionally digesting, every byte
 * read: one pass gives both the lines and the file's SHA-256.
 *
 * <p>{@link #advance} shows each line in place ({@link #array()} from {@link #start()} to {@link #end()}), copied only
 * when it straddles two reads; {@link #next} returns a copy. The newline is searched eight bytes at a time: on an
 * audit bundle, a byte-at-a-time loop cost as much as the chain check's own work.
 */
public final class LineReader implements AutoCloseable {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final InputStream in;
    private final MessageDigest sha;
    private final byte[] buf = new byte[1 << 18];
    private byte[] acc = new byte[1 << 10];
    private byte[] line;
    private int lineStart;
    private int lineEnd;
    private int pos;
    private int limit;
    private long bytes;
    private long lineNumber;

    /** A reader digesting what it reads (for a file the manifest lists with its SHA-256). */
    LineReader(InputStream in) {
        this(in, true);
    }

    LineReader(InputStream in, boolean digest) {
        this.in = in;
        this.sha = digest ? dev.blindfold.provenance.chain.EventChain.sha256() : null;
    }

    /** Moves to the next line; false at the end. A last line without {@code \n} still counts. */
    boolean advance() throws IOException {
        int accLen = 0;
        boolean accumulating = false;
        while (true) {
            if (pos == limit && !fill()) {
                if (!accumulating) {
                    return false;
                }
                return show(acc, 0, accLen);
            }
            int start = pos;
            int nl = newline(buf, pos, limit);
            pos = nl < 0 ? limit : nl + 1;
            int len = (nl < 0 ? limit : nl) - start;
            if (!accumulating && nl >= 0) {
                return show(buf, start, start + len);
            }
            if (accLen + len > acc.length) {
                acc = Arrays.copyOf(acc, Math.max(acc.length * 2, accLen + len));
            }
            System.arraycopy(buf, start, acc, accLen, len);
            accLen += len;
            accumulating = true;
            if (nl >= 0) {
                return show(acc, 0, accLen);
            }
        }
    }

    private boolean show(byte[] array, int start, int end) {
        line = array;
        lineStart = start;
        lineEnd = end;
        lineNumber++;
        return true;
    }

    /** The current line's bytes live in {@code array()[start(), end())} until the next call to advance or next. */
    byte[] array() {
        return line;
    }

    int start() {
        return lineStart;
    }

    int end() {
        return lineEnd;
    }

    /** The next line's bytes (a copy), or null at the end. */
    byte[] next() throws IOException {
        return advance() ? Arrays.copyOfRange(line, lineStart, lineEnd) : null;
    }

    /** The index of the first {@code \n} in {@code b[from, to)}, or -1: eight bytes per step, then the tail. */
    static int newline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            long found = (x - LOW_BITS) & ~x & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean fill() throws IOException {
        int n = in.readNBytes(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        if (sha != null) {
            sha.update(buf, 0, n);
        }
        bytes += n;
        pos = 0;
        limit = n;
        return true;
    }

    /** The number of the line {@link #advance} moved to last (1-based). */
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

    /** The SHA-256 of every byte read; only for a digesting reader. */
    String sha256() {
        return HexFormat.of().formatHex(sha.digest());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
