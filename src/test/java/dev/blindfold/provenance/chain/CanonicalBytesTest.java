package dev.blindfold.provenance.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast canonical bytes are {@link EventChain#canonical}'s, byte for byte, wherever they apply. Plain JUnit. */
class CanonicalBytesTest {

    private static final String[] TEXT = {"", "plain", "é", "日本語", "😀 emoji", "quote \" and \\ back", "tab\tline\nnul\u0001",
            "</script>", "\u2028\u2029", "\u007f\u0080\u07ff\u0800\uffff"};

    private static byte[] reference(EventChain.Entry e) {
        return EventChain.utf8(EventChain.canonical(e));
    }

    @Test
    void randomEventsGiveTheReferenceBytes() {
        Random random = new Random(12);
        CanonicalBytes writer = new CanonicalBytes();
        for (int i = 0; i < 5_000; i++) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("zeta", TEXT[random.nextInt(TEXT.length)]);
            payload.put("answer", TEXT[random.nextInt(TEXT.length)] + i);
            payload.put("n", random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(100));
            payload.put("x", random.nextDouble() * 1e6);
            payload.put("list", List.of(1, "two", Map.of("b", true, "a", Map.of())));
            payload.put("none", null);
            Instant server = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L), random.nextInt(1_000_000) * 1000L);
            Instant client = random.nextBoolean() ? null : Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L),
                    random.nextInt(1_000_000_000));
            EventChain.Entry e = new EventChain.Entry(random.nextLong(1, Long.MAX_VALUE), random.nextInt(10) == 0 ? 0 : random.nextLong(1, 1_000_000),
                    random.nextBoolean() ? null : random.nextLong(0, Long.MAX_VALUE), random.nextInt(5) == 0 ? -random.nextInt(9) : random.nextLong(1, 10_000_000),
                    EventType.values()[random.nextInt(EventType.values().length)], server, client, random.nextBoolean(),
                    EventChain.canonicalJson(payload));
            assertArrayEquals(reference(e), writer.of(e), e.toString());
        }
    }

    @Test
    void theExtremesOfTimesAndNumbersGiveTheReferenceBytes() {
        CanonicalBytes writer = new CanonicalBytes();
        for (Instant t : List.of(Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("0001-01-01T00:00:00.000001Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.5Z"))) {
            EventChain.Entry e = new EventChain.Entry(Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE,
                    EventType.KEYSTROKES, t, t, true, "{}");
            assertArrayEquals(reference(e), writer.of(e), t.toString());
        }
    }

    @Test
    void yearsPastFourDigitsAndLoneSurrogatesAreLeftToTheReference() {
        CanonicalBytes writer = new CanonicalBytes();
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        assertNull(writer.of(new EventChain.Entry(1, 2, null, 1, EventType.PASTE, now, Instant.parse("+10000-01-01T00:00:00Z"),
                true, "{}")));
        assertNull(writer.of(new EventChain.Entry(1, 2, null, 1, EventType.PASTE, Instant.parse("-0001-01-01T00:00:00Z"),
                null, false, "{}")));
        assertNull(writer.of(new EventChain.Entry(1, 2, null, 1, EventType.PASTE, now, null, false, "{\"a\":\"\ud800\"}")));
        assertNull(writer.of(new EventChain.Entry(1, 2, null, 1, EventType.PASTE, now, null, false, "{\"a\":\"\udc00x\"}")));
    }
}
