package dev.blindfold.provenance.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical form and the hash chain, without Quarkus. */
class EventChainTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05.000006Z");

    private static EventChain.Entry entry(long seq, String payload) {
        return new EventChain.Entry(7, 11, 13L, seq, EventType.BLIND_COMMITTED, T, null, false, payload);
    }

    @Test
    void sha256MatchesPublishedTestVectors() {
        // FIPS 180-2 / NIST examples.
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                EventChain.sha256Hex(new byte[0]));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                EventChain.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                EventChain.sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void canonicalFormSortsKeysFixesTimePrecisionAndWritesNullsExplicitly() {
        String canonical = EventChain.canonical(entry(1, "{\"b\":2,\"a\":{\"z\":1,\"y\":[3,\"x\"]}}"));
        assertEquals("{\"actorId\":11,\"assignmentId\":13,\"clientClaimed\":false,\"clientTime\":null,"
                + "\"payload\":{\"a\":{\"y\":[3,\"x\"],\"z\":1},\"b\":2},\"projectId\":7,\"seq\":1,"
                + "\"serverTime\":\"2026-01-02T03:04:05.000006Z\",\"type\":\"BLIND_COMMITTED\"}", canonical);
    }

    @Test
    void payloadKeyOrderAndWhitespaceDoNotChangeTheCanonicalForm() {
        assertEquals(EventChain.canonical(entry(1, "{\"a\":1,\"b\":\"x\"}")),
                EventChain.canonical(entry(1, " { \"b\" : \"x\",\n \"a\" : 1 } ")));
        assertEquals("{\"a\":1,\"b\":\"x\"}", EventChain.canonicalJson(Map.of("b", "x", "a", 1)));
    }

    @Test
    void hashIsSha256OfPreviousHashBytesFollowedByCanonicalBytes() {
        String canonical = EventChain.canonical(entry(1, "{}"));
        byte[] input = new byte[32 + canonical.getBytes(StandardCharsets.UTF_8).length];
        System.arraycopy(canonical.getBytes(StandardCharsets.UTF_8), 0, input, 32, input.length - 32);
        assertEquals(EventChain.sha256Hex(input), EventChain.hash(EventChain.GENESIS, canonical));
    }

    @Test
    void anyChangeToAnEventOrItsPredecessorChangesTheHash() {
        String first = EventChain.hash(EventChain.GENESIS, EventChain.canonical(entry(1, "{\"answer\":\"yes\"}")));
        String second = EventChain.hash(first, EventChain.canonical(entry(2, "{}")));
        assertNotEquals(first, EventChain.hash(EventChain.GENESIS, EventChain.canonical(entry(1, "{\"answer\":\"yes!\"}"))));
        assertNotEquals(second, EventChain.hash(EventChain.GENESIS, EventChain.canonical(entry(2, "{}"))));
        assertNotEquals(second, EventChain.hash(first, EventChain.canonical(entry(3, "{}"))));
    }

    @Test
    void textThatIsNotValidUnicodeIsRefusedInsteadOfHashedAsQuestionMarks() {
        // String.getBytes would write '?' for either surrogate: two different answers, one hash.
        String one = EventChain.canonical(entry(1, "{\"answer\":\"x\\ud800\"}"));
        String other = EventChain.canonical(entry(1, "{\"answer\":\"x\\ud801\"}"));
        assertNotEquals(one, other);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> EventChain.hash(EventChain.GENESIS, one));
        assertTrue(refused.getMessage().contains("not valid Unicode"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EventChain.hash(EventChain.GENESIS, other));
        assertThrows(IllegalArgumentException.class, () -> EventChain.utf8("a low surrogate \udc00 alone"));
    }

    @Test
    void aValidSurrogatePairIsHashedAsItsFourByteUtf8() {
        String canonical = EventChain.canonical(entry(1, "{\"answer\":\"\\ud83d\\ude00\"}"));
        byte[] bytes = EventChain.utf8(canonical);
        assertArrayEquals(canonical.getBytes(StandardCharsets.UTF_8), bytes);
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("\uD83D\uDE00"));
        assertTrue(indexOf(bytes, new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}) >= 0, "U+1F600 in UTF-8");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
