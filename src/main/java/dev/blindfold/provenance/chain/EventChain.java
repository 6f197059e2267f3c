package dev.blindfold.provenance.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The canonical byte form of an event and the hash chain over it. Plain Java, no Quarkus.
 *
 * <p>Canonical form: a compact JSON object, keys sorted by code point, UTF-8. Keys: actorId,
 * assignmentId, clientClaimed, clientTime, payload, projectId, seq, serverTime, type. Times are UTC
 * with exactly six fraction digits ({@code 2026-01-02T03:04:05.000006Z}); absent values are JSON
 * null; the payload is embedded as JSON with its own keys sorted the same way.
 *
 * <p>Chain rule: {@code hash = SHA-256(bytes(prevHash) || canonical)}, where {@code prevHash} is
 * the previous event's hash in the same chain (32 bytes; the first event uses 32 zero bytes).
 * Hashes are stored as lower-case hex.
 */
public final class EventChain {

    /** The previous-hash of a chain's first event: 32 zero bytes, in hex. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** The hashed content of an event. {@code payload} must already be canonical JSON. */
    public record Entry(long projectId, long actorId, Long assignmentId, long seq, EventType type,
                        Instant serverTime, Instant clientTime, boolean clientClaimed, String payload) {
    }

    private EventChain() {
    }

    /** Writes a JSON value (a map, a list, or JSON text) with sorted keys and no insignificant whitespace. */
    public static String canonicalJson(Object value) {
        try {
            return CANONICAL.writeValueAsString(tree(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload is not JSON", e);
        }
    }

    private static Object tree(Object value) throws JsonProcessingException {
        return value instanceof String s ? CANONICAL.readValue(s, Object.class) : CANONICAL.convertValue(value, Object.class);
    }

    public static String canonical(Entry e) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("actorId", e.actorId());
        fields.put("assignmentId", e.assignmentId());
        fields.put("clientClaimed", e.clientClaimed());
        fields.put("clientTime", e.clientTime() == null ? null : TIME.format(e.clientTime()));
        fields.put("projectId", e.projectId());
        fields.put("seq", e.seq());
        fields.put("serverTime", TIME.format(e.serverTime()));
        fields.put("type", e.type().name());
        try {
            fields.put("payload", tree(e.payload()));
            return CANONICAL.writeValueAsString(fields);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("payload is not JSON", ex);
        }
    }

    public static String hash(String prevHashHex, String canonical) {
        MessageDigest sha = sha256();
        sha.update(HexFormat.of().parseHex(prevHashHex));
        sha.update(utf8(canonical));
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The UTF-8 bytes of a canonical form, refusing text that is not valid Unicode (a lone surrogate) with an
     * {@link IllegalArgumentException}. {@link String#getBytes} would write {@code ?} in its place, so two different
     * payloads would share one hash: the input checks keep such text out, and this keeps a gap in them loud.
     */
    public static byte[] utf8(String canonical) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(canonical));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the event holds text that is not valid Unicode (a lone surrogate),"
                    + " which UTF-8 cannot encode", e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** A fresh SHA-256 digest, for callers that hash a stream (export payloads). */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
