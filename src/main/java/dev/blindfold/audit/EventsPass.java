package dev.blindfold.audit;

import dev.blindfold.audit.BundleFinding.Kind;
import dev.blindfold.export.ExposureClassifier;
import dev.blindfold.export.LabelExposure;
import dev.blindfold.export.LoggedEvent;
import dev.blindfold.provenance.ChainFinding;
import dev.blindfold.provenance.ChainId;
import dev.blindfold.provenance.ChainVerifier;
import dev.blindfold.provenance.ChainedEvent;
import dev.blindfold.provenance.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The one pass over events.jsonl: every line goes to the {@link ChainVerifier} (malformed lines as a changed
 * event at their line), and each chain's events are pulled, as they are read, through the exposure classifier,
 * whose labels are compared with labels.jsonl's tags. Memory: one line of look-ahead, the classifier's unsettled
 * labels of the current chain, and the label index.
 */
final class EventsPass {

    private final LineReader lines;
    private final long projectId;
    private final ChainVerifier chains;
    private final ExposureClassifier classifier;
    private final LabelIndex labels;
    private final Findings findings;
    private final Map<Long, String> malformed = new HashMap<>();
    private EventLine peeked;
    private byte[] peekedRaw;
    private long peekedLine;
    private ChainedEvent last;

    EventsPass(LineReader lines, BundleManifest manifest, LabelIndex labels, Findings findings) {
        this.lines = lines;
        this.projectId = manifest.projectId();
        this.chains = new ChainVerifier(manifest.heads());
        this.classifier = new ExposureClassifier(manifest.exposureThresholds());
        this.labels = labels;
        this.findings = findings;
    }

    ChainVerifier.Result run() throws IOException {
        try {
            while (peek() != null) {
                ChainId chain = peeked.chained().chain();
                Map<Long, long[]> commits = new HashMap<>();
                classifier.classify(() -> chainEvents(chain, commits), id -> true, label -> compare(chain, label, commits));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        ChainVerifier.Result result = chains.finish();
        for (ChainFinding f : result.findings()) {
            findings.add(BundleFinding.of(f, malformed.containsKey(f.position())
                    ? "the line is not a well-formed event: " + malformed.get(f.position()) : null));
        }
        return result;
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
                    ChainedEvent e = peeked.chained();
                    if (e.projectId() != projectId) {
                        findings.add(new BundleFinding(Kind.PROJECT_MISMATCH, BundleManifest.EVENTS, n, e.actorId(), e.seq(),
                                "the event belongs to project " + e.projectId() + ", the bundle to project " + projectId));
                    }
                    feed(e);
                } catch (EventLine.Malformed m) {
                    malformedLine(raw, n, m);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return peeked;
    }

    private void feed(ChainedEvent e) {
        chains.accept(e);
        last = e;
    }

    /**
     * A malformed line takes the place of the next event of the chain before it, with no valid hash, so the chain
     * check names it (CHANGED at this line) and the chain's later events do not add findings of their own.
     */
    private void malformedLine(byte[] raw, long n, EventLine.Malformed m) {
        if (malformed.size() < 10_000) {
            malformed.put(n, m.getMessage());
        }
        if (last == null) {
            findings.add(new BundleFinding(Kind.CHANGED, BundleManifest.EVENTS, n, null, 0,
                    "the line is not a well-formed event: " + m.getMessage()));
            return;
        }
        String prev = m.prevHash != null ? m.prevHash : last.hash();
        feed(new ChainedEvent(last.projectId(), last.actorId(), last.seq() + 1, prev, "", raw, n));
    }

    private void compare(ChainId chain, LabelExposure label, Map<Long, long[]> commits) {
        long[] commit = commits.remove(label.assignmentId());
        long line = commit == null ? 0 : commit[0];
        long seq = commit == null ? 0 : commit[1];
        int slot = labels.find(label.assignmentId());
        if (slot < 0) {
            findings.add(new BundleFinding(Kind.LABEL_MISSING, BundleManifest.EVENTS, line, chain.actorId(), seq,
                    "assignment " + label.assignmentId() + " has a committed blind answer (" + label.exposure().wireName()
                            + ") but no row in " + BundleManifest.LABELS));
            return;
        }
        labels.match(slot);
        if (labels.claimed(slot) != label.exposure()) {
            findings.add(new BundleFinding(Kind.EXPOSURE_MISMATCH, BundleManifest.LABELS, labels.line(slot), chain.actorId(),
                    seq, "assignment " + label.assignmentId() + " is tagged " + labels.claimed(slot).wireName()
                            + " but its events give " + label.exposure().wireName()));
        }
    }
}
