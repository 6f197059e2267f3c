package dev.blindfold.audit.bundlewriter;

import dev.blindfold.provenance.Event;
import dev.blindfold.provenance.chain.EventChain;
import dev.blindfold.web.StreamFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One event as an audit bundle line, the same in events.jsonl and evidence.jsonl:
 * {@code {"prevHash":"…","hash":"…","event":<canonical bytes verbatim>}} and a newline.
 */
final class EventLines {

    private static final byte[] PREV = "{\"prevHash\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HASH = "\",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT = "\",\"event\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "}\n".getBytes(StandardCharsets.US_ASCII);

    private EventLines() {
    }

    /** Writes the event's line; text that is not valid Unicode stops the bundle (see {@link EventChain#utf8}). */
    static void write(Event e, OutputStream sink) {
        byte[] canonical;
        try {
            canonical = EventChain.utf8(EventChain.canonical(e.entry()));
        } catch (IllegalArgumentException unreadable) {
            throw new StreamFailure("event " + e.seq() + " of actor " + e.actorId() + "'s chain cannot be written: "
                    + unreadable.getMessage() + ".", unreadable);
        }
        try {
            sink.write(PREV);
            sink.write(e.prevHash().getBytes(StandardCharsets.US_ASCII));
            sink.write(HASH);
            sink.write(e.hash().getBytes(StandardCharsets.US_ASCII));
            sink.write(EVENT);
            sink.write(canonical);
            sink.write(END);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
