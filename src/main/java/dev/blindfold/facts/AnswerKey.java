package dev.blindfold.facts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * An answer as agreement compares it (exact text, nominal: equal or not) in 64 bits: the first 8 bytes of SHA-256 of
 * its UTF-8 bytes. Two different answers share a key with probability 2^-64 per pair. Plain Java.
 */
public final class AnswerKey {

    private AnswerKey() {
    }

    public static long of(String answer) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(answer.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
