package dev.blindfold.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * A large upload made on the fly, never held whole: a head, records 1..count, then a tail. It counts
 * the bytes read from it so far, so a test can see how far ahead of the items a parser has read, and
 * {@link #beforeRecord} lets a test pause the upload at a record (to look at the server meanwhile)
 * or break it off there.
 */
final class GeneratedUpload extends InputStream {

    /** Called on the reading thread just before record {@code n} is produced. */
    interface Pause {
        void before(int n) throws IOException;
    }

    private final byte[] head;
    private final int count;
    private final IntFunction<String> record;
    private final byte[] tail;
    private Pause pause = n -> { };
    private byte[] current;
    private int position;
    private int next = 0;
    private long read;

    GeneratedUpload(String head, int count, IntFunction<String> record, String tail) {
        this.head = head.getBytes(StandardCharsets.UTF_8);
        this.count = count;
        this.record = record;
        this.tail = tail.getBytes(StandardCharsets.UTF_8);
        this.current = this.head;
    }

    GeneratedUpload beforeRecord(Pause pause) {
        this.pause = pause;
        return this;
    }

    /** Bytes handed out so far. */
    long bytesRead() {
        return read;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current != null && position == current.length) {
            advance();
        }
        if (current == null) {
            return -1;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        read += n;
        return n;
    }

    private void advance() throws IOException {
        position = 0;
        if (next < count) {
            next++;
            pause.before(next);
            current = record.apply(next).getBytes(StandardCharsets.UTF_8);
        } else if (next == count) {
            next++;
            current = tail;
        } else {
            current = null;
        }
    }
}
