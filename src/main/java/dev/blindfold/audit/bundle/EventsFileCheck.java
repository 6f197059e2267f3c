package dev.blindfold.audit.bundle;

import dev.blindfold.audit.bundle.BundleFinding.Kind;
import dev.blindfold.exposure.ExposureClassifier;
import dev.blindfold.exposure.ExposureClass;
import dev.blindfold.exposure.LoggedEvent;
import dev.blindfold.provenance.chain.ChainId;
import dev.blindfold.provenance.chain.ChainVerifier;
import dev.blindfold.provenance.chain.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The one pass over events.jsonl: every line goes to the {@link ChainVerifier} (malformed lines as a changed
 * event at their line), and each chain's events are pulled, as they are read, through the exposure classifier (after
 * that actor's evidence from other projects), whose labels are compared with labels.jsonl's tags. Memory: one line of
 * look-ahead, the classifier's state for the current chain, the label index and the evidence.
 */
final class EventsFileCheck {

    private final LineReader lines;
    private final BundleChains feed;
    private final ExposureClassifier classifier;
    private final LabelIndex labels;
    private final Map<Long, List<LoggedEvent>> evidence;
    private final CappedFindings findings;
    private EventLine peeked;

    /** {@code evidence}: each actor's valid evidence.jsonl reveals, read into the rules before that actor's chain. */
    EventsFileCheck(LineReader lines, BundleManifest manifest, LabelIndex labels, Map<Long, List<LoggedEvent>> evidence,
               CappedFindings findings) {
        this.lines = lines;
        this.feed = new BundleChains(manifest, findings);
        this.classifier = new ExposureClassifier(manifest.exposureThresholds(), manifest.rules());
        this.labels = labels;
        this.evidence = evidence;
        this.findings = findings;
    }

    ChainVerifier.Result run() throws IOException {
        try {
            while (peek() != null) {
                ChainId chain = peeked.chained().chain();
                Map<Long, long[]> commits = new HashMap<>();
                classifier.classes(evidence.getOrDefault(chain.actorId(), List.of()), () -> chainEvents(chain, commits),
                        (exposure, assignment) -> compare(chain, assignment, exposure, commits));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return feed.finish();
    }

    /** The current chain's events, each handed to the chain check as it is pulled. */
    private Iterator<LoggedEvent> chainEvents(ChainId chain, Map<Long, long[]> commits) {
        return new Iterator<>() {
            public boolean hasNext() {
                EventLine next = peek();
                return next != null && next.chained().chain().equals(chain);
            }

            public LoggedEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                EventLine e = peeked;
                peeked = null;
                LoggedEvent logged = e.logged();
                if (logged.type() == EventType.BLIND_COMMITTED && logged.assignmentId() != null) {
                    commits.putIfAbsent(logged.assignmentId(), new long[] {e.chained().position(), e.chained().seq()});
                }
                return logged;
            }
        };
    }

    /** The next well-formed line, after feeding it to the chain check; malformed lines are fed and skipped. */
    private EventLine peek() {
        while (peeked == null) {
            try {
                byte[] raw = lines.next();
                if (raw == null) {
                    return null;
                }
                long n = lines.lineNumber();
                try {
                    peeked = EventLine.parse(raw, n);
                    feed.accept(peeked.chained());
                } catch (EventLine.Malformed m) {
                    feed.malformed(raw, n, m);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return peeked;
    }

    private void compare(ChainId chain, long assignmentId, ExposureClass exposure, Map<Long, long[]> commits) {
        long[] commit = commits.remove(assignmentId);
        long line = commit == null ? 0 : commit[0];
        long seq = commit == null ? 0 : commit[1];
        int slot = labels.find(assignmentId);
        if (slot < 0) {
            findings.add(new BundleFinding(Kind.LABEL_MISSING, BundleManifest.EVENTS, line, chain.actorId(), seq,
                    "assignment " + assignmentId + " has a committed blind answer (" + exposure.wireName()
                            + ") but no row in " + BundleManifest.LABELS));
            return;
        }
        labels.match(slot);
        if (labels.claimed(slot) != exposure) {
            String why = labels.claimed(slot) == ExposureClass.SEEN_BEFORE_COMMIT ? " (no earlier reveal of its content by"
                    + " this annotator in " + BundleManifest.EVENTS + " or among the valid lines of " + BundleManifest.EVIDENCE
                    + ")" : "";
            findings.add(new BundleFinding(Kind.EXPOSURE_MISMATCH, BundleManifest.LABELS, labels.line(slot), chain.actorId(),
                    seq, "assignment " + assignmentId + " is tagged " + labels.claimed(slot).wireName()
                            + " but its events give " + exposure.wireName() + why));
        }
    }
}
