package dev.blindfold.audit.bundle;

import dev.blindfold.exposure.ExposureClass;

/**
 * The labels.jsonl rows of Blindfold labels, by assignment id: the claimed exposure class and the line, in primitive
 * arrays with open addressing (a million labels take ~30 MB less than boxed maps, and no object per label).
 */
final class LabelIndex {

    private static final ExposureClass[] CLASSES = ExposureClass.values();

    private long[] keys = new long[1 << 10];
    private int[] lines = new int[1 << 10];
    private byte[] claimed = new byte[1 << 10];
    private boolean[] matched = new boolean[1 << 10];
    private int size;

    /** Adds a row; returns the line of an earlier row for the same assignment instead (not replacing it), else 0. */
    int add(long assignmentId, ExposureClass exposure, int line) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int slot = slot(assignmentId);
        if (lines[slot] != 0) {
            return lines[slot];
        }
        keys[slot] = assignmentId;
        lines[slot] = line;
        claimed[slot] = (byte) exposure.ordinal();
        size++;
        return 0;
    }

    /** The slot of the assignment's row, or -1. */
    int find(long assignmentId) {
        int slot = slot(assignmentId);
        return lines[slot] == 0 ? -1 : slot;
    }

    int line(int slot) {
        return lines[slot];
    }

    ExposureClass claimed(int slot) {
        return CLASSES[claimed[slot]];
    }

    /** Marks the row as backed by events; true the first time. */
    boolean match(int slot) {
        boolean first = !matched[slot];
        matched[slot] = true;
        return first;
    }

    int size() {
        return size;
    }

    /** Calls {@code sink} with each row no events backed: (assignment, line). */
    void forEachUnmatched(java.util.function.ObjLongConsumer<Integer> sink) {
        for (int i = 0; i < keys.length; i++) {
            if (lines[i] != 0 && !matched[i]) {
                sink.accept(lines[i], keys[i]);
            }
        }
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = (int) (mix(key) & mask);
        while (lines[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        return k ^ (k >>> 33);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldLines = lines;
        byte[] oldClaimed = claimed;
        boolean[] oldMatched = matched;
        int capacity = keys.length * 2;
        keys = new long[capacity];
        lines = new int[capacity];
        claimed = new byte[capacity];
        matched = new boolean[capacity];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldLines[i] != 0) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                lines[slot] = oldLines[i];
                claimed[slot] = oldClaimed[i];
                matched[slot] = oldMatched[i];
            }
        }
    }
}
