package dev.blindfold.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blindfold.provenance.chain.ChainFinding;
import dev.blindfold.provenance.chain.ChainFinding.Kind;
import dev.blindfold.provenance.chain.ChainHeadRef;
import dev.blindfold.provenance.chain.ChainId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Events appended while a verification ran are accounted for by the head re-read at its end. */
class LateAppendsTest {

    private static final ChainId CHAIN = new ChainId(1, 2);

    private static List<ChainFinding> check(LateAppends.Tail tail, Long headAtEnd, Set<ChainId> broken) {
        Map<ChainId, ChainHeadRef> heads = headAtEnd == null ? Map.of() : Map.of(CHAIN, new ChainHeadRef(CHAIN, headAtEnd, "h"));
        return LateAppends.check(List.of(tail), heads, broken);
    }

    @Test
    void eventsAppendedDuringVerificationUpToTheReReadHeadAreAccountedFor() {
        assertTrue(check(new LateAppends.Tail(CHAIN, 10, 3, 13), 13L, Set.of()).isEmpty());
        assertTrue(check(new LateAppends.Tail(CHAIN, 10, 3, 13), 15L, Set.of()).isEmpty(),
                "the head may have moved on again after the events were counted");
        assertTrue(check(new LateAppends.Tail(CHAIN, 10, 0, 0), 10L, Set.of()).isEmpty());
    }

    @Test
    void aNewChainThatGotItsHeadDuringVerificationIsAccountedFor() {
        assertTrue(check(new LateAppends.Tail(CHAIN, 0, 2, 2), 2L, Set.of()).isEmpty());
    }

    @Test
    void eventsBeyondTheReReadHeadWereInsertedWithoutTheApp() {
        ChainFinding f = check(new LateAppends.Tail(CHAIN, 10, 2, 12), 10L, Set.of()).get(0);
        assertEquals(Kind.INSERTED, f.kind());
        assertEquals(11, f.seq());
        assertEquals(CHAIN, f.chain());
    }

    @Test
    void aGapAmongTheNewcomersIsADeletion() {
        ChainFinding f = check(new LateAppends.Tail(CHAIN, 10, 2, 13), 13L, Set.of()).get(0);
        assertEquals(Kind.DELETED, f.kind());
        assertEquals(11, f.seq());
    }

    @Test
    void eventsOfAChainWithNoHeadAtAllAreUnexpected() {
        ChainFinding f = check(new LateAppends.Tail(CHAIN, 0, 4, 4), null, Set.of()).get(0);
        assertEquals(Kind.UNEXPECTED_CHAIN, f.kind());
        assertEquals(1, f.seq());
    }

    @Test
    void aChainAlreadyBrokenKeepsItsFirstFindingOnly() {
        assertTrue(check(new LateAppends.Tail(CHAIN, 10, 2, 12), 10L, Set.of(CHAIN)).isEmpty());
    }
}
