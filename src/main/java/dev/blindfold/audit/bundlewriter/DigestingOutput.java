package dev.blindfold.audit.bundlewriter;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Passes bytes on while counting them and taking their SHA-256; closing flushes but leaves the target open. */
final class DigestingOutput extends FilterOutputStream {

    private final MessageDigest sha = dev.blindfold.provenance.chain.EventChain.sha256();
    private long bytes;

    DigestingOutput(OutputStream target) {
        super(target);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha.update((byte) b);
        bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sha.update(b, off, len);
        bytes += len;
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    long bytes() {
        return bytes;
    }

    String sha256() {
        return HexFormat.of().formatHex(sha.digest());
    }
}
