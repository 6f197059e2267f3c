package dev.blindfold.provenance.chain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * {@link EventChain#canonical}'s bytes written straight from an event's fields, without a JSON library: the payload,
 * stored in canonical form, is copied verbatim. It is the verifier's hot path, once per event; a payload that is
 * not canonical any more yields bytes that differ from its hash, so a caller that finds a break re-checks with
 * {@link EventChain#canonical}, the reference. Returns null where it does not apply (a time outside the years
 * 0–9999, text that is not valid Unicode): use the reference there. One instance per thread; plain Java.
 */
public final class CanonicalBytes {

    private static final byte[] ACTOR = ascii("{\"actorId\":");
    private static final byte[] ASSIGNMENT = ascii(",\"assignmentId\":");
    private static final byte[] CLAIMED = ascii(",\"clientClaimed\":");
    private static final byte[] CLIENT_TIME = ascii(",\"clientTime\":");
    private static final byte[] PAYLOAD = ascii(",\"payload\":");
    private static final byte[] PROJECT = ascii(",\"projectId\":");
    private static final byte[] SEQ = ascii(",\"seq\":");
    private static final byte[] SERVER_TIME = ascii(",\"serverTime\":");
    private static final byte[] TYPE = ascii(",\"type\":\"");
    private static final byte[] END = ascii("\"}");
    private static final byte[] NULL = ascii("null");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[][] TYPES = Arrays.stream(EventType.values()).map(t -> ascii(t.name())).toArray(byte[][]::new);

    private byte[] buf = new byte[1024];
    private int len;

    public byte[] of(EventChain.Entry e) {
        len = 0;
        put(ACTOR);
        number(e.actorId());
        put(ASSIGNMENT);
        if (e.assignmentId() == null) {
            put(NULL);
        } else {
            number(e.assignmentId());
        }
        put(CLAIMED);
        put(e.clientClaimed() ? TRUE : FALSE);
        put(CLIENT_TIME);
        if (e.clientTime() == null) {
            put(NULL);
        } else if (!time(e.clientTime())) {
            return null;
        }
        put(PAYLOAD);
        if (!utf8(e.payload())) {
            return null;
        }
        put(PROJECT);
        number(e.projectId());
        put(SEQ);
        number(e.seq());
        put(SERVER_TIME);
        if (!time(e.serverTime())) {
            return null;
        }
        put(TYPE);
        put(TYPES[e.type().ordinal()]);
        put(END);
        return Arrays.copyOf(buf, len);
    }

    /** {@code "uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'"} in UTC, quoted; false outside the years 0–9999. */
    private boolean time(Instant t) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 0 || year > 9999) {
            return false;
        }
        room(29);
        buf[len++] = '"';
        digits(year, 4);
        buf[len++] = '-';
        digits(utc.getMonthValue(), 2);
        buf[len++] = '-';
        digits(utc.getDayOfMonth(), 2);
        buf[len++] = 'T';
        digits(utc.getHour(), 2);
        buf[len++] = ':';
        digits(utc.getMinute(), 2);
        buf[len++] = ':';
        digits(utc.getSecond(), 2);
        buf[len++] = '.';
        digits(t.getNano() / 1000, 6);
        buf[len++] = 'Z';
        buf[len++] = '"';
        return true;
    }

    private void digits(int value, int width) {
        for (int i = len + width - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        len += width;
    }

    private void number(long value) {
        if (value >= 0 && value < 10) {
            room(1);
            buf[len++] = (byte) ('0' + value);
        } else {
            put(ascii(Long.toString(value)));
        }
    }

    /** UTF-8 of {@code s}; false at a lone surrogate, which UTF-8 cannot encode. */
    private boolean utf8(String s) {
        int n = s.length();
        room(3 * n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[len++] = (byte) c;
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xC0 | c >> 6);
                buf[len++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[len++] = (byte) (0xF0 | cp >> 18);
                buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[len++] = (byte) (0x80 | cp & 0x3F);
            } else {
                buf[len++] = (byte) (0xE0 | c >> 12);
                buf[len++] = (byte) (0x80 | c >> 6 & 0x3F);
                buf[len++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return true;
    }

    private void put(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void room(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(2 * buf.length, len + more));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
