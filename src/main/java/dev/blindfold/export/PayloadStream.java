package dev.blindfold.export;

import dev.blindfold.provenance.chain.EventChain;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The response stream of an export as the export sees it: counts and digests the bytes it passes on, remembers
 * whether passing them on failed (the client went away), and never closes the response: ending it is the web
 * layer's call, and only for an export that completed.
 */
final class PayloadStream extends FilterOutputStream {

    private final MessageDigest sha = EventChain.sha256();
    private long bytes;
    private boolean clientFailed;

    PayloadStream(OutputStream response) {
        super(response);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        sha.update(b, off, len);
        bytes += len;
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            clientFailed = true;
            throw e;
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            clientFailed = true;
            throw e;
        }
    }

    /** Flushes; the response stays open. */
    @Override
    public void close() throws IOException {
        flush();
    }

    long bytes() {
        return bytes;
    }

    /** Whether writing to the client failed: it closed the connection (or it broke). */
    boolean clientFailed() {
        return clientFailed;
    }

    String sha256() {
        return HexFormat.of().formatHex(sha.digest());
    }
}
