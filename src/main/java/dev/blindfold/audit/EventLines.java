package dev.blindfold.audit;

import dev.blindfold.provenance.Event;
import dev.blindfold.provenance.chain.EventChain;
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

    static void write(Event e, OutputStream sink) {
        String canonical = EventChain.canonical(e.entry());
        try {
            sink.write(PREV);
            sink.write(e.prevHash().getBytes(StandardCharsets.US_ASCII));
            sink.write(HASH);
            sink.write(e.hash().getBytes(StandardCharsets.US_ASCII));
            sink.write(EVENT);
            sink.write(canonical.getBytes(StandardCharsets.UTF_8));
            sink.write(END);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
