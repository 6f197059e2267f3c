package dev.blindfold.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-annotator memory of shown drafts by content, past its first table and array sizes. */
class SeenContentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");

    private static JsonNode reveal(String input, String... texts) {
        List<Map<String, Object>> order = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            order.add(Map.of("slot", String.valueOf((char) ('A' + i)), "family", "f" + (i % 2), "text", texts[i]));
        }
        return JSON.valueToTree(Map.of("repeat", false, "inputHash", ContentHash.of(input), "order", order));
    }

    private static long key(String text) {
        return ContentHash.key(ContentHash.of(text));
    }

    @Test
    void thousandsOfRevealsAreAllFoundByInputOrByTextAndOnlyBeforeTheCommit() {
        SeenContent seen = new SeenContent();
        for (int i = 0; i < 3000; i++) {
            seen.add(i, T0.plusSeconds(i), reveal("input " + i, "draft a" + i, "draft b" + i, "shared text"));
        }
        ContentMatch byInput = seen.match(key("input 1234"), new long[0], T0.plusSeconds(5000));
        assertEquals(Map.of("f0", 2, "f1", 1), byInput.sameContent(), "the three drafts of that reveal");
        assertEquals(1234, byInput.assignmentId());
        assertEquals(T0.plusSeconds(1234), byInput.at());

        ContentMatch byText = seen.match(key("no such input"), new long[] {key("draft b2999")}, T0.plusSeconds(5000));
        assertEquals(Map.of("f1", 1), byText.sameContent());
        assertEquals(2999, byText.assignmentId());

        ContentMatch shared = seen.match(key("input 10"), new long[] {key("shared text"), key("draft a10")},
                T0.plusSeconds(100));
        assertEquals(Map.of("f0", 100 + 1, "f1", 1), shared.sameContent(),
                "100 reveals before it showed the shared text, plus input 10's other two drafts, each counted once");
        assertEquals(0, shared.assignmentId(), "the earliest");

        assertNull(seen.match(key("input 2000"), new long[0], T0.plusSeconds(2000)), "shown at the commit's instant: not before");
        assertNull(seen.match(0, new long[] {0}, T0.plusSeconds(9999)), "no hashes, no match");
    }
}
