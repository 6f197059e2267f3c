package dev.blindfold.exposure;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * What a blind commit shared with drafts shown to its annotator before it: the drafts of each family that had its
 * input or one of its draft texts ({@link ContentHash}), and the earliest reveal (assignment, server time) that showed
 * one of them. A commit with no such draft has no match (null).
 */
public record ContentMatch(Map<String, Integer> sameContent, long assignmentId, Instant at) {

    /** The keys a BLIND_COMMITTED payload names: its input's and each of its item's draft texts' (0: none). */
    public record Keys(long input, long[] drafts) {

        public static Keys ofCommit(JsonNode commit) {
            JsonNode hashes = commit.path("draftHashes");
            long[] drafts = new long[hashes.size()];
            for (int i = 0; i < drafts.length; i++) {
                drafts[i] = ContentHash.key(hashes.get(i).asText(null));
            }
            return new Keys(ContentHash.key(commit.path("inputHash").asText(null)), drafts);
        }
    }
}
