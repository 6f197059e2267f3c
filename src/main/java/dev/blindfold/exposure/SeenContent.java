package dev.blindfold.exposure;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one annotator had been shown, by content: every draft of every first reveal read so far (any project), as its
 * input's and its text's {@link ContentHash#key}, its family, when it was shown and on which assignment. Asked at a
 * commit which of those drafts share the committed item's input or one of its draft texts and were shown strictly
 * before the commit. Plain Java, primitive arrays: 48 bytes a shown draft in the record arrays and up to 48 more in the
 * two key tables (12-byte slots, kept under half full), so under 100 bytes a shown draft, 200–300 bytes a reveal of two
 * or three drafts, before the slack of arrays grown by doubling.
 */
final class SeenContent {

    private long[] inputKeys = new long[64];
    private long[] textKeys = new long[64];
    private long[] micros = new long[64];
    private long[] assignments = new long[64];
    private int[] families = new int[64];
    private int[] nextSameInput = new int[64];
    private int[] nextSameText = new int[64];
    private int[] stamps = new int[64];
    private int size;
    private int stamp;
    private final Heads byInput = new Heads();
    private final Heads byText = new Heads();
    private final List<String> familyNames = new ArrayList<>();
    private final Map<String, Integer> familyIds = new HashMap<>();

    /** Remembers the drafts of a first reveal (the caller checks it is one). A reveal of no drafts showed nothing. */
    void add(long assignmentId, Instant at, JsonNode payload) {
        long input = ContentHash.key(payload.path("inputHash").asText(null));
        for (JsonNode d : payload.path("order")) {
            if (size == inputKeys.length) {
                grow();
            }
            int r = size++;
            inputKeys[r] = input;
            textKeys[r] = ContentHash.key(ContentHash.of(d.path("text").asText()));
            micros[r] = micros(at);
            assignments[r] = assignmentId;
            families[r] = familyIds.computeIfAbsent(d.path("family").asText(), f -> {
                familyNames.add(f);
                return familyNames.size() - 1;
            });
            nextSameInput[r] = input == 0 ? -1 : byInput.push(input, r);
            nextSameText[r] = byText.push(textKeys[r], r);
        }
    }

    /** {@link #match} for a BLIND_COMMITTED payload's {@code inputHash} and {@code draftHashes} (none: no match). */
    ContentMatch matchCommit(JsonNode commit, Instant at) {
        ContentMatch.Keys keys = ContentMatch.Keys.ofCommit(commit);
        return match(keys.input(), keys.drafts(), at);
    }

    /**
     * The drafts shown before {@code before} whose input is {@code inputKey} or whose text key is one of
     * {@code draftKeys} (0 keys match nothing), each counted once; null when there are none.
     */
    ContentMatch match(long inputKey, long[] draftKeys, Instant before) {
        long limit = micros(before);
        stamp++;
        int[] counts = new int[familyNames.size()];
        int earliest = -1;
        if (inputKey != 0) {
            earliest = visit(byInput.head(inputKey), nextSameInput, limit, counts, earliest);
        }
        for (long key : draftKeys) {
            if (key != 0) {
                earliest = visit(byText.head(key), nextSameText, limit, counts, earliest);
            }
        }
        if (earliest < 0) {
            return null;
        }
        Map<String, Integer> same = new TreeMap<>();
        for (int f = 0; f < counts.length; f++) {
            if (counts[f] > 0) {
                same.put(familyNames.get(f), counts[f]);
            }
        }
        Instant at = Instant.EPOCH.plus(micros[earliest], ChronoUnit.MICROS);
        return new ContentMatch(same, assignments[earliest], at);
    }

    private int visit(int r, int[] next, long limit, int[] counts, int earliest) {
        for (; r >= 0; r = next[r]) {
            if (micros[r] < limit && stamps[r] != stamp) {
                stamps[r] = stamp;
                counts[families[r]]++;
                if (earliest < 0 || micros[r] < micros[earliest] || (micros[r] == micros[earliest] && r < earliest)) {
                    earliest = r;
                }
            }
        }
        return earliest;
    }

    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    private void grow() {
        int n = inputKeys.length * 2;
        inputKeys = Arrays.copyOf(inputKeys, n);
        textKeys = Arrays.copyOf(textKeys, n);
        micros = Arrays.copyOf(micros, n);
        assignments = Arrays.copyOf(assignments, n);
        families = Arrays.copyOf(families, n);
        nextSameInput = Arrays.copyOf(nextSameInput, n);
        nextSameText = Arrays.copyOf(nextSameText, n);
        stamps = Arrays.copyOf(stamps, n);
    }

    /** Open addressing from a non-zero key to the last record pushed under it; records chain to the one before. */
    private static final class Heads {
        private long[] keys = new long[64];
        private int[] heads = new int[64];
        private int used;

        /** Makes {@code record} the key's head; returns the previous head (-1 when none). */
        int push(long key, int record) {
            if (2 * (used + 1) > keys.length) {
                rehash();
            }
            int i = slot(key);
            int previous = keys[i] == key ? heads[i] : -1;
            if (keys[i] == 0) {
                keys[i] = key;
                used++;
            }
            heads[i] = record;
            return previous;
        }

        int head(long key) {
            int i = slot(key);
            return keys[i] == key ? heads[i] : -1;
        }

        private int slot(long key) {
            int mask = keys.length - 1;
            int i = (int) (key ^ (key >>> 32)) & mask;
            while (keys[i] != 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private void rehash() {
            long[] oldKeys = keys;
            int[] oldHeads = heads;
            keys = new long[oldKeys.length * 2];
            heads = new int[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    int j = slot(oldKeys[i]);
                    keys[j] = oldKeys[i];
                    heads[j] = oldHeads[i];
                }
            }
        }
    }
}
