package dev.blindfold.audit.bundle;

import dev.blindfold.provenance.chain.ChainedEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the chain check needs from one events.jsonl line, read at the offsets the bundle writer puts it: the two hashes,
 * the canonical bytes, and the event's projectId, actorId and seq. Canonical keys are sorted, so actorId opens the
 * event and {@code ,"projectId":N,"seq":N,"serverTime":"…","type":"…"}} closes it, after the payload; a payload
 * cannot hold that tail's quotes unescaped, so the last {@code ,"projectId":} is the event's own.
 *
 * <p>No JSON tree, no strings but the two hashes. A line this does not read returns null, and the caller parses it
 * with {@link EventLine#parse}, which either reads it or says why it is malformed: the findings stay those of the
 * full parse. A line read here whose payload is not JSON is hashed as it stands and cannot match its hash unless it
 * was forged with it, which the links and the manifest's heads catch.
 */
public final class EventFrame {

    private static final byte[] ACTOR = "{\"actorId\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PROJECT = ",\"projectId\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEQ = ",\"seq\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_TIME = ",\"serverTime\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TYPE = "\",\"type\":\"".getBytes(StandardCharsets.US_ASCII);

    private EventFrame() {
    }

    /** The line {@code b[from, to)} as the chain check reads it, or null when only the full parse can tell. */
    static ChainedEvent read(byte[] b, int from, int to, long position) {
        int canonical = from + EventLine.EVENT_AT;
        int close = to - 1;
        if (to - from < EventLine.EVENT_AT + 3 || b[close] != '}' || !at(b, from, to, EventLine.PREFIX)
                || !at(b, from + EventLine.PREV_AT + 64, to, EventLine.MIDDLE) || !at(b, from + EventLine.HASH_AT + 64, to, EventLine.EVENT)
                || !at(b, canonical, close, ACTOR)) {
            return null;
        }
        long actorId = number(b, canonical + ACTOR.length, close);
        int project = lastIndexOf(b, canonical, close, PROJECT);
        if (actorId < 0 || project < 0) {
            return null;
        }
        int at = project + PROJECT.length;
        long projectId = number(b, at, close);
        at = skipDigits(b, at, close);
        if (projectId < 0 || !at(b, at, close, SEQ)) {
            return null;
        }
        at += SEQ.length;
        long seq = number(b, at, close);
        at = skipDigits(b, at, close);
        if (seq < 0 || !at(b, at, close, SERVER_TIME)) {
            return null;
        }
        at += SERVER_TIME.length;
        while (at < close && b[at] != '"' && b[at] != '\\') {
            at++;
        }
        if (!at(b, at, close, TYPE)) {
            return null;
        }
        at += TYPE.length;
        int typeStart = at;
        while (at < close && (b[at] >= 'A' && b[at] <= 'Z' || b[at] == '_')) {
            at++;
        }
        if (at == typeStart || at != close - 2 || b[at] != '"' || b[at + 1] != '}') {
            return null;
        }
        return new ChainedEvent(projectId, actorId, seq,
                new String(b, from + EventLine.PREV_AT, 64, StandardCharsets.ISO_8859_1),
                new String(b, from + EventLine.HASH_AT, 64, StandardCharsets.ISO_8859_1),
                Arrays.copyOfRange(b, canonical, close), position);
    }

    /** A JSON non-negative integer as Jackson reads one (no leading zeros), up to 18 digits, followed by ','; else -1. */
    private static long number(byte[] b, int at, int limit) {
        int end = skipDigits(b, at, limit);
        if (end == at || end - at > 18 || (b[at] == '0' && end - at > 1) || end >= limit || b[end] != ',') {
            return -1;
        }
        long n = 0;
        for (int i = at; i < end; i++) {
            n = n * 10 + (b[i] - '0');
        }
        return n;
    }

    private static int skipDigits(byte[] b, int at, int limit) {
        while (at < limit && b[at] >= '0' && b[at] <= '9') {
            at++;
        }
        return at;
    }

    private static int lastIndexOf(byte[] b, int from, int to, byte[] needle) {
        for (int i = to - needle.length; i >= from; i--) {
            if (b[i] == needle[0] && at(b, i, to, needle)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code expected} sits at {@code offset}, wholly before {@code limit}. */
    private static boolean at(byte[] b, int offset, int limit, byte[] expected) {
        return offset + expected.length <= limit
                && Arrays.equals(b, offset, offset + expected.length, expected, 0, expected.length);
    }
}
