package dev.blindfold.provenance.chain;

/**
 * Lower-case hex of SHA-256 hashes, as the log stores them, without allocating: the chain check decodes and
 * compares one pair per event. Upper-case or other characters are not a hash this log wrote.
 */
public final class Hex {

    private Hex() {
    }

    /** Decodes 64 lower-case hex characters into {@code out[0..32)}; false (out undefined) for anything else. */
    public static boolean decode(CharSequence hex, byte[] out) {
        if (hex == null || hex.length() != 64) {
            return false;
        }
        int bad = 0;
        for (int i = 0; i < 32; i++) {
            int hi = nibble(hex.charAt(2 * i));
            int lo = nibble(hex.charAt(2 * i + 1));
            bad |= hi | lo;
            out[i] = (byte) (hi << 4 | lo);
        }
        return bad >= 0;
    }

    /** True when {@code hex} is exactly the lower-case hex of {@code bytes[0..32)}. */
    public static boolean equals(byte[] bytes, CharSequence hex) {
        if (hex == null || hex.length() != 64) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            if (hex.charAt(2 * i) != DIGITS[(bytes[i] >> 4) & 0xF] || hex.charAt(2 * i + 1) != DIGITS[bytes[i] & 0xF]) {
                return false;
            }
        }
        return true;
    }

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    /** 0..15 for a lower-case hex digit, else negative. */
    private static int nibble(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
