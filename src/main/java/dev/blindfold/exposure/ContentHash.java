package dev.blindfold.exposure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * Content identity of an item's input and of a draft's text across projects: lower-case hex SHA-256 of the UTF-8
 * bytes of the normalised text. Normalised: Unicode NFC, then every run of white space (the Unicode
 * {@code White_Space} characters, {@link #isSpace}) replaced by one space, and none left at either end; case is kept.
 * So one prompt imported into two projects, re-spaced or composed differently, has one hash. Plain Java.
 *
 * <p>The exposure rules compare contents by {@link #key}, the hash's first 64 bits: a per-annotator memory of every
 * draft shown stays at a few longs a draft, and two different texts share a key with probability 2^-64.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(normalise(text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** NFC, white-space runs collapsed to one space, stripped at both ends; null is the empty text. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * The first 64 bits of a hash (its first 16 hex digits) as a long; 0 for a missing or malformed hash (a real one
     * whose bits are all zero is taken as 1, so 0 always means "none").
     */
    public static long key(String hash) {
        if (hash == null || hash.length() != 64) {
            return 0L;
        }
        try {
            long key = Long.parseUnsignedLong(hash, 0, 16, 16);
            return key == 0 ? 1 : key;
        } catch (NumberFormatException e) {
            return 0L;
        }
    }

    /**
     * Unicode {@code White_Space}: U+0009–U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029,
     * U+202F, U+205F, U+3000 (all in the BMP, so a surrogate is never one).
     */
    static boolean isSpace(char c) {
        return (c >= '\t' && c <= '\r') || c == ' ' || c == '\u0085' || c == '\u00A0' || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029' || c == '\u202F'
                || c == '\u205F' || c == '\u3000';
    }
}
