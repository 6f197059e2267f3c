package dev.blindfold.provenance;

import dev.blindfold.provenance.chain.EventChain;
import dev.blindfold.provenance.chain.EventType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Pins the worked example of docs/provenance.md to what the code computes, so neither can drift. */
class ProvenanceDocExampleTest {

    static final EventChain.Entry FIRST = new EventChain.Entry(1, 2, 3L, 1, EventType.BLIND_COMMITTED,
            Instant.parse("2026-01-02T03:04:05.123456Z"), null, false, "{\"answer\": \"Zürich\"}");
    static final EventChain.Entry SECOND = new EventChain.Entry(1, 2, 3L, 2, EventType.PASTE,
            Instant.parse("2026-01-02T03:04:06.000001Z"), Instant.parse("2026-01-02T03:04:05.5Z"), true,
            "{\"source\": null, \"chars\": 12, \"share\": 0.5}");

    static final String FIRST_CANONICAL = "{\"actorId\":2,\"assignmentId\":3,\"clientClaimed\":false,\"clientTime\":null,"
            + "\"payload\":{\"answer\":\"Zürich\"},\"projectId\":1,\"seq\":1,\"serverTime\":\"2026-01-02T03:04:05.123456Z\","
            + "\"type\":\"BLIND_COMMITTED\"}";
    static final String SECOND_CANONICAL = "{\"actorId\":2,\"assignmentId\":3,\"clientClaimed\":true,"
            + "\"clientTime\":\"2026-01-02T03:04:05.500000Z\",\"payload\":{\"chars\":12,\"share\":0.5,\"source\":null},"
            + "\"projectId\":1,\"seq\":2,\"serverTime\":\"2026-01-02T03:04:06.000001Z\",\"type\":\"PASTE\"}";
    static final String FIRST_HASH = "9c888e9c3edd63972e96f0ee6e4d887f8c7b8bebbd25fd5e19ed431f15c0679a";
    static final String SECOND_HASH = "777b83c8805c2105e554dab808dfdfcd73323a2294d773bcebc289469e243511";

    @Test
    void theWorkedExampleHasTheseCanonicalBytesAndHashes() {
        assertEquals(FIRST_CANONICAL, EventChain.canonical(FIRST));
        assertEquals(SECOND_CANONICAL, EventChain.canonical(SECOND));
        assertEquals(FIRST_HASH, EventChain.hash(EventChain.GENESIS, FIRST_CANONICAL));
        assertEquals(SECOND_HASH, EventChain.hash(FIRST_HASH, SECOND_CANONICAL));
        assertEquals(FIRST_CANONICAL.length() + 1, FIRST_CANONICAL.getBytes(StandardCharsets.UTF_8).length,
                "written as UTF-8, unescaped: ü is two bytes");
    }

    @Test
    void docsProvenanceShowsTheSameExample() throws Exception {
        String doc = Files.readString(Path.of("docs", "provenance.md"), StandardCharsets.UTF_8);
        for (String pinned : new String[] {FIRST_CANONICAL, SECOND_CANONICAL, FIRST_HASH, SECOND_HASH}) {
            assertTrue(doc.contains(pinned), "docs/provenance.md shows " + pinned);
        }
    }
}
