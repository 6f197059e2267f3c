package dev.blindfold.agreement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * How often each distinct string occurs, in memory that does not grow with the strings' length: a value is kept as
 * the first 128 bits of its SHA-256 (two strings share them with probability about 2<sup>−128</sup> per pair, so far
 * below a double's rounding that a count is exact for any real data), in an open-addressing table of primitive
 * arrays, at most 40 bytes a distinct value. Free-text answers can be 100,000 characters long and all different; keeping
 * them as map keys would hold the project's text in the heap. Plain Java; not thread-safe.
 */
final class ValueCounts {

    private final MessageDigest sha256;
    private long[] high = new long[16];
    private long[] low = new long[16];
    private int[] counts = new int[16];
    private int size;

    ValueCounts() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Adds {@code times} to the value's count. */
    void add(String value, int times) {
        byte[] d = sha256.digest(value.getBytes(StandardCharsets.UTF_8));
        long h = word(d, 0);
        long l = word(d, 8);
        if (2 * (size + 1) > high.length) {
            grow();
        }
        int slot = slot(h, l, high, low, counts);
        if (counts[slot] == 0) {
            high[slot] = h;
            low[slot] = l;
            size++;
        }
        counts[slot] += times;
    }

    /** The value's count; 0 for a value never added. */
    int count(String value) {
        byte[] d = sha256.digest(value.getBytes(StandardCharsets.UTF_8));
        return counts[slot(word(d, 0), word(d, 8), high, low, counts)];
    }

    /** Σ c(c − 1) over the counts: ordered pairs of equal values. */
    long equalPairs() {
        long pairs = 0;
        for (int c : counts) {
            pairs += (long) c * (c - 1);
        }
        return pairs;
    }

    /** The slot holding the key, or the empty slot where it belongs (linear probing; a count of 0 marks empty). */
    private static int slot(long h, long l, long[] high, long[] low, int[] counts) {
        int mask = high.length - 1;
        int i = (int) (l ^ (l >>> 32)) & mask;
        while (counts[i] != 0 && (high[i] != h || low[i] != l)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] h = new long[high.length * 2];
        long[] l = new long[h.length];
        int[] c = new int[h.length];
        for (int i = 0; i < high.length; i++) {
            if (counts[i] != 0) {
                int s = slot(high[i], low[i], h, l, c);
                h[s] = high[i];
                l[s] = low[i];
                c[s] = counts[i];
            }
        }
        high = h;
        low = l;
        counts = c;
    }

    private static long word(byte[] d, int from) {
        long w = 0;
        for (int i = from; i < from + 8; i++) {
            w = (w << 8) | (d[i] & 0xff);
        }
        return w;
    }
}
