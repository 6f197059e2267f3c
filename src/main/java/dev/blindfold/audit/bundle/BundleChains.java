package dev.blindfold.audit.bundle;

import dev.blindfold.audit.bundle.BundleFinding.Kind;
import dev.blindfold.provenance.chain.ChainFinding;
import dev.blindfold.provenance.chain.ChainVerifier;
import dev.blindfold.provenance.chain.ChainedEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands events.jsonl's lines to the {@link ChainVerifier}, for both the full pass and the chains-only pass: events of
 * another project are findings of their own, and a malformed line takes the place of the next event of the chain
 * before it, so the chain check names it (CHANGED at its line) and the chain's later events add no findings.
 */
final class BundleChains {

    private static final int MAX_MALFORMED_DETAILS = 10_000;

    private final long projectId;
    private final ChainVerifier chains;
    private final CappedFindings findings;
    private final Map<Long, String> malformed = new HashMap<>();
    private ChainedEvent last;

    BundleChains(BundleManifest manifest, CappedFindings findings) {
        this.projectId = manifest.projectId();
        this.chains = new ChainVerifier(manifest.heads());
        this.findings = findings;
    }

    void accept(ChainedEvent e) {
        if (e.projectId() != projectId) {
            findings.add(new BundleFinding(Kind.PROJECT_MISMATCH, BundleManifest.EVENTS, e.position(), e.actorId(), e.seq(),
                    "the event belongs to project " + e.projectId() + ", the bundle to project " + projectId));
        }
        chains.accept(e);
        last = e;
    }

    /** A line at {@code n} that is not a well-formed event; {@code raw} is the line's bytes. */
    void malformed(byte[] raw, long n, EventLine.Malformed m) {
        if (malformed.size() < MAX_MALFORMED_DETAILS) {
            malformed.put(n, m.getMessage());
        }
        if (last == null) {
            findings.add(new BundleFinding(Kind.CHANGED, BundleManifest.EVENTS, n, null, 0,
                    "the line is not a well-formed event: " + m.getMessage()));
            return;
        }
        String prev = m.prevHash != null ? m.prevHash : last.hash();
        last = new ChainedEvent(last.projectId(), last.actorId(), last.seq() + 1, prev, "", raw, n);
        chains.accept(last);
    }

    /** Ends the chain check and adds its findings, with the reason for a malformed line at the line it names. */
    ChainVerifier.Result finish() {
        ChainVerifier.Result result = chains.finish();
        for (ChainFinding f : result.findings()) {
            findings.add(BundleFinding.of(f, malformed.containsKey(f.position())
                    ? "the line is not a well-formed event: " + malformed.get(f.position()) : null));
        }
        return result;
    }
}
