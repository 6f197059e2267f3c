package dev.blindfold.facts;

import java.util.Arrays;

/**
 * The labels of a project whose blind answers were not written blind: {@code seen_before_commit}, the annotator had
 * been shown drafts of the same content before committing. Gold and agreement from blind answers leave them out.
 * A sorted array of assignment ids (8 bytes a label so tagged), filled as a classification pass finds them. Not
 * thread-safe while filling.
 */
public final class NotBlind {

    /** For counting with no classification at hand: nothing is excluded. */
    public static final NotBlind NONE = new NotBlind();

    private long[] ids = new long[8];
    private int size;
    private boolean sorted = true;

    public void add(long assignmentId) {
        if (this == NONE) {
            throw new IllegalStateException("NONE stays empty");
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        sorted &= size == 0 || ids[size - 1] < assignmentId;
        ids[size++] = assignmentId;
    }

    public boolean contains(long assignmentId) {
        if (!sorted) {
            Arrays.sort(ids, 0, size);
            sorted = true;
        }
        return Arrays.binarySearch(ids, 0, size, assignmentId) >= 0;
    }

    public int size() {
        return size;
    }
}
