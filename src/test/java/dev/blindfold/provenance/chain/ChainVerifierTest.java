package dev.blindfold.provenance.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.provenance.chain.ChainFinding.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ChainVerifier on synthetic chains: one test per kind of break, each naming its seq and position. */
class ChainVerifierTest {

    private static final long PROJECT = 7;

    /** A valid chain of {@code n} events of one actor, positions 1..n. */
    private static List<ChainedEvent> chain(long actor, int n) {
        List<ChainedEvent> events = new ArrayList<>();
        String prev = EventChain.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            events.add(event(actor, seq, prev, "{\"n\":" + seq + "}", seq));
            prev = events.get(events.size() - 1).hash();
        }
        return events;
    }

    private static ChainedEvent event(long actor, long seq, String prev, String payload, long position) {
        String canonical = EventChain.canonical(new EventChain.Entry(PROJECT, actor, 1L, seq, EventType.PASTE,
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seq), null, true, payload));
        return new ChainedEvent(PROJECT, actor, seq, prev, EventChain.hash(prev, canonical),
                canonical.getBytes(StandardCharsets.UTF_8), position);
    }

    private static ChainHeadRef head(List<ChainedEvent> chain) {
        ChainedEvent last = chain.get(chain.size() - 1);
        return new ChainHeadRef(last.chain(), last.seq(), last.hash());
    }

    private static List<ChainedEvent> renumber(List<ChainedEvent> events) {
        List<ChainedEvent> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ChainedEvent e = events.get(i);
            out.add(new ChainedEvent(e.projectId(), e.actorId(), e.seq(), e.prevHash(), e.hash(), e.canonical(), i + 1));
        }
        return out;
    }

    private static ChainVerifier.Result verify(List<ChainHeadRef> heads, List<ChainedEvent> events) {
        ChainVerifier v = new ChainVerifier(heads);
        renumber(events).forEach(v::accept);
        return v.finish();
    }

    private static ChainFinding only(ChainVerifier.Result r) {
        assertEquals(1, r.findings().size(), r.findings().toString());
        return r.findings().get(0);
    }

    private static void assertFinding(ChainFinding f, Kind kind, long seq, long position) {
        assertEquals(kind, f.kind(), f.toString());
        assertEquals(seq, f.seq(), f.toString());
        assertEquals(position, f.position(), f.toString());
    }

    @Test
    void intactChainsEndingAtTheirHeadsPass() {
        List<ChainedEvent> a = chain(1, 5);
        List<ChainedEvent> b = chain(2, 3);
        List<ChainedEvent> all = new ArrayList<>(a);
        all.addAll(b);
        ChainVerifier.Result r = verify(List.of(head(a), head(b)), all);
        assertTrue(r.ok(), r.findings().toString());
        assertEquals(8, r.events());
        assertEquals(2, r.chains());
    }

    @Test
    void changedBytesAreChangedAtThatEvent() {
        List<ChainedEvent> a = chain(1, 5);
        ChainedEvent e = a.get(2);
        byte[] bytes = e.canonical().clone();
        bytes[bytes.length - 3] ^= 1;
        a.set(2, new ChainedEvent(PROJECT, 1, e.seq(), e.prevHash(), e.hash(), bytes, 0));
        assertFinding(only(verify(List.of(head(chain(1, 5))), a)), Kind.CHANGED, 3, 3);
    }

    @Test
    void aDeletedEventIsDeletedAtTheEventAfterTheGap() {
        List<ChainedEvent> a = chain(1, 5);
        ChainHeadRef h = head(a);
        a.remove(2);
        assertFinding(only(verify(List.of(h), a)), Kind.DELETED, 3, 3);
    }

    @Test
    void aForgedEventLinkedToItsPredecessorIsInserted() {
        List<ChainedEvent> a = chain(1, 5);
        ChainHeadRef h = head(a);
        a.add(2, event(1, 3, a.get(1).hash(), "{\"forged\":true}", 0));
        assertFinding(only(verify(List.of(h), a)), Kind.INSERTED, 3, 3);
    }

    @Test
    void aCopiedEventIsInsertedWhereItStands() {
        List<ChainedEvent> a = chain(1, 5);
        ChainHeadRef h = head(a);
        a.add(3, a.get(0));
        assertFinding(only(verify(List.of(h), a)), Kind.INSERTED, 4, 4);
    }

    @Test
    void swappedEventsAreReordered() {
        List<ChainedEvent> a = chain(1, 5);
        ChainHeadRef h = head(a);
        Collections.swap(a, 1, 2);
        assertFinding(only(verify(List.of(h), a)), Kind.REORDERED, 2, 2);
    }

    @Test
    void aChainEndingBeforeItsHeadIsTruncated() {
        List<ChainedEvent> a = chain(1, 5);
        ChainHeadRef h = head(a);
        assertFinding(only(verify(List.of(h), a.subList(0, 3))), Kind.TRUNCATED, 4, 0);
    }

    @Test
    void eventsBeyondTheHeadAreInserted() {
        List<ChainedEvent> a = chain(1, 5);
        assertFinding(only(verify(List.of(head(a.subList(0, 4))), a)), Kind.INSERTED, 5, 0);
    }

    @Test
    void aLastHashDifferentFromTheHeadsIsChanged() {
        List<ChainedEvent> a = chain(1, 5);
        ChainHeadRef h = new ChainHeadRef(a.get(0).chain(), 5, EventChain.GENESIS);
        assertFinding(only(verify(List.of(h), a)), Kind.CHANGED, 5, 0);
    }

    @Test
    void aRecordedChainWithNoEventsIsMissing() {
        List<ChainedEvent> a = chain(1, 2);
        List<ChainedEvent> b = chain(2, 2);
        ChainFinding f = only(verify(List.of(head(a), head(b)), a));
        assertFinding(f, Kind.MISSING_CHAIN, 1, 0);
        assertEquals(2, f.chain().actorId());
    }

    @Test
    void aChainNoHeadRecordsOrOneSplitInTwoPlacesIsUnexpected() {
        List<ChainedEvent> a = chain(1, 2);
        List<ChainedEvent> b = chain(2, 2);
        assertEquals(Kind.UNEXPECTED_CHAIN, only(verify(List.of(head(a)), concat(a, b))).kind());

        List<ChainedEvent> split = concat(a.subList(0, 1), concat(b, a.subList(1, 2)));
        ChainVerifier.Result r = verify(List.of(head(a), head(b)), split);
        assertTrue(r.findings().stream().anyMatch(f -> f.kind() == Kind.UNEXPECTED_CHAIN && f.position() == 4), r.findings().toString());
    }

    private static List<ChainedEvent> concat(List<ChainedEvent> x, List<ChainedEvent> y) {
        List<ChainedEvent> all = new ArrayList<>(x);
        all.addAll(y);
        return all;
    }
}
