package dev.blindfold.provenance.chain;

import dev.blindfold.provenance.chain.ChainFinding.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks hash chains as they stream past, holding one event of look-ahead and nothing else per event: the
 * one implementation behind the database check and the offline bundle verifier. Plain Java, no Quarkus.
 *
 * <p>Feed every event with {@link #accept}, each chain's events together and in seq order, then call
 * {@link #finish}. Each chain is checked against its recorded head (from {@code chain_heads} or a bundle
 * manifest). The first break of each chain is reported with its kind: an event whose bytes no longer match
 * its hash was changed; a jump in seq with a broken link is a deletion; an event followed by one that links
 * to the same predecessor was inserted; two events whose links cross were swapped; a chain that stops
 * short of its head was truncated; a recorded chain with no events was deleted whole.
 */
public final class ChainVerifier {

    /** What a verification found: events and chains read, and the first break of each broken chain. */
    public record Result(long events, long chains, List<ChainFinding> findings) {

        public boolean ok() {
            return findings.isEmpty();
        }

        /** The break found first, in reading order (a missing chain comes last). */
        public Optional<ChainFinding> first() {
            return findings.stream().findFirst();
        }
    }

    /** More breaks than this are counted as broken chains but not kept. */
    public static final int MAX_FINDINGS = 1_000;

    private final Map<ChainId, ChainHeadRef> heads = new HashMap<>();
    private final Set<ChainId> seen = new HashSet<>();
    private final List<ChainFinding> findings = new ArrayList<>();
    private final EventHash hash = new EventHash();
    private ChainedEvent pending;
    private ChainId current;
    private long expectedSeq;
    private String prev;
    private boolean broken;
    private long events;

    public ChainVerifier(Collection<ChainHeadRef> recordedHeads) {
        recordedHeads.forEach(h -> heads.put(h.chain(), h));
    }

    public void accept(ChainedEvent event) {
        events++;
        if (pending != null) {
            check(pending, event);
        }
        pending = event;
    }

    public Result finish() {
        if (pending != null) {
            check(pending, null);
            pending = null;
        }
        close();
        heads.keySet().stream().filter(c -> !seen.contains(c)).sorted().forEach(c ->
                find(Kind.MISSING_CHAIN, c, 1, 0, "its head records " + heads.get(c).length() + " events; none are present"));
        return new Result(events, seen.size(), List.copyOf(findings));
    }

    private void check(ChainedEvent e, ChainedEvent next) {
        if (!e.chain().equals(current)) {
            close();
            open(e);
        }
        if (broken) {
            return;
        }
        ChainedEvent follower = next != null && next.chain().equals(current) ? next : null;
        boolean forked = follower != null && prev.equals(follower.prevHash());
        if (prev.equals(e.prevHash()) && e.seq() == expectedSeq) {
            if (forked) {
                find(Kind.INSERTED, e.seq(), e.position(), "two events follow seq " + (e.seq() - 1) + " (at "
                        + e.position() + " and " + follower.position() + "): one of them was inserted");
            } else if (!hash.matches(e)) {
                find(Kind.CHANGED, e.seq(), e.position(), "its bytes no longer match its hash");
            } else {
                prev = e.hash();
                expectedSeq++;
            }
        } else if (forked && follower.hash().equals(e.prevHash())) {
            find(Kind.REORDERED, expectedSeq, e.position(), "the events at " + e.position() + " (seq " + e.seq()
                    + ") and " + follower.position() + " (seq " + follower.seq() + ") are in each other's place");
        } else if (forked) {
            find(Kind.INSERTED, expectedSeq, e.position(), "the event at " + e.position()
                    + " is not part of the chain: the next one follows seq " + (expectedSeq - 1));
        } else if (e.seq() > expectedSeq) {
            find(Kind.DELETED, expectedSeq, e.position(), (e.seq() - expectedSeq == 1 ? "seq " + expectedSeq
                    : "seq " + expectedSeq + " to " + (e.seq() - 1)) + " missing before seq " + e.seq());
        } else if (e.seq() < expectedSeq) {
            find(Kind.INSERTED, e.seq(), e.position(), "a second event claims seq " + e.seq());
        } else {
            find(Kind.CHANGED, e.seq(), e.position(),
                    "it does not follow the event before it: that event's hash or this one's link was altered");
        }
    }

    private void open(ChainedEvent e) {
        current = e.chain();
        expectedSeq = 1;
        prev = EventChain.GENESIS;
        broken = false;
        if (!seen.add(current)) {
            find(Kind.UNEXPECTED_CHAIN, e.seq(), e.position(), "its events appear again after another chain's");
        }
    }

    private void close() {
        if (current == null || broken) {
            return;
        }
        ChainHeadRef head = heads.get(current);
        long last = expectedSeq - 1;
        if (head == null) {
            find(Kind.UNEXPECTED_CHAIN, 1, 0, "no recorded head names this chain");
        } else if (last < head.length()) {
            find(Kind.TRUNCATED, last + 1, 0, "the chain ends at seq " + last + "; its head records seq " + head.length());
        } else if (last > head.length()) {
            find(Kind.INSERTED, head.length() + 1, 0, "events follow the recorded head at seq " + head.length());
        } else if (!head.hash().equals(prev)) {
            find(Kind.CHANGED, last, 0, "the last event's hash differs from the recorded head's");
        }
    }

    private void find(Kind kind, long seq, long position, String detail) {
        find(kind, current, seq, position, detail);
        broken = true;
    }

    private void find(Kind kind, ChainId chain, long seq, long position, String detail) {
        if (findings.size() < MAX_FINDINGS) {
            findings.add(new ChainFinding(kind, chain, seq, position, detail));
        }
    }
}
