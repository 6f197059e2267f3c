package dev.blindfold.audit.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blindfold.exposure.LoggedEvent;
import dev.blindfold.provenance.chain.ChainedEvent;
import dev.blindfold.provenance.chain.EventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * One line of events.jsonl: {@code {"prevHash":"<64 hex>","hash":"<64 hex>","event":<canonical>}}. The hashes and
 * the canonical bytes sit at fixed offsets, so the bytes the hash covers are taken as read, never re-serialised;
 * they are parsed only for the fields the chain check and the exposure rules need.
 */
public record EventLine(ChainedEvent chained, LoggedEvent logged) {

    static final byte[] PREFIX = "{\"prevHash\":\"".getBytes(StandardCharsets.US_ASCII);
    static final byte[] MIDDLE = "\",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);
    static final byte[] EVENT = "\",\"event\":".getBytes(StandardCharsets.US_ASCII);
    static final int PREV_AT = PREFIX.length;
    static final int HASH_AT = PREV_AT + 64 + MIDDLE.length;
    static final int EVENT_AT = HASH_AT + 64 + EVENT.length;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    /** A line that is not a well-formed event; {@code prevHash} is set when the line's frame still holds one. */
    static final class Malformed extends Exception {
        final String prevHash;

        Malformed(String detail, String prevHash) {
            super(detail, null, false, false);
            this.prevHash = prevHash;
        }
    }

    static EventLine parse(byte[] line, long position) throws Malformed {
        if (line.length < EVENT_AT + 3 || !at(line, 0, PREFIX) || !at(line, PREV_AT + 64, MIDDLE)
                || !at(line, HASH_AT + 64, EVENT) || line[line.length - 1] != '}') {
            throw new Malformed("the line is not {\"prevHash\":…,\"hash\":…,\"event\":…}", null);
        }
        String prevHash = new String(line, PREV_AT, 64, StandardCharsets.US_ASCII);
        String hash = new String(line, HASH_AT, 64, StandardCharsets.US_ASCII);
        byte[] canonical = Arrays.copyOfRange(line, EVENT_AT, line.length - 1);
        long projectId = -1;
        long actorId = -1;
        long seq = -1;
        Long assignmentId = null;
        EventType type = null;
        Instant serverTime = null;
        Instant clientTime = null;
        JsonNode payload = null;
        try (JsonParser p = FACTORY.createParser(canonical)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Malformed("the event is not a JSON object", prevHash);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "projectId" -> projectId = p.getLongValue();
                    case "actorId" -> actorId = p.getLongValue();
                    case "seq" -> seq = p.getLongValue();
                    case "assignmentId" -> assignmentId = value == JsonToken.VALUE_NULL ? null : p.getLongValue();
                    case "type" -> type = EventType.valueOf(p.getText());
                    case "serverTime" -> serverTime = Instant.parse(p.getText());
                    case "clientTime" -> clientTime = value == JsonToken.VALUE_NULL ? null : Instant.parse(p.getText());
                    case "payload" -> payload = JSON.readTree(p);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new Malformed("bytes follow the event object", prevHash);
            }
        } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new Malformed("the event is not valid JSON of an event: " + firstLine(e.getMessage()), prevHash);
        }
        if (projectId < 0 || actorId < 0 || seq < 0 || type == null || serverTime == null || payload == null) {
            throw new Malformed("the event lacks projectId, actorId, seq, type, serverTime or payload", prevHash);
        }
        return new EventLine(new ChainedEvent(projectId, actorId, seq, prevHash, hash, canonical, position),
                new LoggedEvent(assignmentId, type, serverTime, clientTime, payload));
    }

    private static boolean at(byte[] line, int offset, byte[] expected) {
        return Arrays.equals(line, offset, offset + expected.length, expected, 0, expected.length);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
