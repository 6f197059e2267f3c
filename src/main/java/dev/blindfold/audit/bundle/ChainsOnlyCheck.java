package dev.blindfold.audit.bundle;

import dev.blindfold.provenance.chain.ChainVerifier;
import dev.blindfold.provenance.chain.ChainedEvent;
import java.io.IOException;
import java.util.Arrays;

/**
 * The chains alone, offline: every events.jsonl line framed where it lies ({@link EventFrame}), hashed and linked
 * by the {@link ChainVerifier} against the manifest's heads, the database verification's offline twin. The
 * exposure classes are not recomputed and the event JSON is not parsed beyond the fields the chain rule needs
 * (that is the full pass, {@link EventsFileCheck}); a line the frame cannot read goes through the full parse, so it
 * is reported exactly as there.
 */
final class ChainsOnlyCheck {

    private final LineReader lines;
    private final BundleChains feed;

    ChainsOnlyCheck(LineReader lines, BundleManifest manifest, CappedFindings findings) {
        this.lines = lines;
        this.feed = new BundleChains(manifest, findings);
    }

    ChainVerifier.Result run() throws IOException {
        while (lines.advance()) {
            long n = lines.lineNumber();
            ChainedEvent e = EventFrame.read(lines.array(), lines.start(), lines.end(), n);
            if (e != null) {
                feed.accept(e);
                continue;
            }
            byte[] raw = Arrays.copyOfRange(lines.array(), lines.start(), lines.end());
            try {
                feed.accept(EventLine.parse(raw, n).chained());
            } catch (EventLine.Malformed m) {
                feed.malformed(raw, n, m);
            }
        }
        return feed.finish();
    }
}
