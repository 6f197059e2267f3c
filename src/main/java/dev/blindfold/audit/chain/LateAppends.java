package dev.blindfold.audit.chain;

import dev.blindfold.provenance.chain.ChainFinding;
import dev.blindfold.provenance.chain.ChainFinding.Kind;
import dev.blindfold.provenance.chain.ChainHeadRef;
import dev.blindfold.provenance.chain.ChainId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accounts for the events a verification did not hash-check: those past the bound it read each chain up to
 * (the head as read at its start), appended by annotators while it ran. Plain Java.
 *
 * <p>Such events are fine when they are exactly seqs {@code bound+1..max} with no gap and the chain's head,
 * re-read after they were counted, reaches {@code max} (an append writes its event and its head in one
 * transaction, so a head read later can only be further on). Anything else is reported: events beyond the
 * re-read head were put there without the app ({@code INSERTED}), a gap means some were removed
 * ({@code DELETED}), events of a chain that has no head at all are {@code UNEXPECTED_CHAIN}. Chains already
 * broken keep their first finding. Their hashes are checked by the next verification, whose bound covers them.
 */
final class LateAppends {

    /** The events of one chain with seq above {@code bound}: how many, and the highest seq (0 if none). */
    record Tail(ChainId chain, long bound, long count, long maxSeq) {
    }

    private LateAppends() {
    }

    static List<ChainFinding> check(List<Tail> tails, Map<ChainId, ChainHeadRef> headsAtEnd, Set<ChainId> broken) {
        List<ChainFinding> findings = new ArrayList<>();
        for (Tail t : tails) {
            if (t.count() == 0 || broken.contains(t.chain())) {
                continue;
            }
            ChainHeadRef head = headsAtEnd.get(t.chain());
            if (head == null) {
                findings.add(new ChainFinding(Kind.UNEXPECTED_CHAIN, t.chain(), t.bound() + 1, 0,
                        t.count() + " events after seq " + t.bound() + " belong to a chain no recorded head names"));
            } else if (t.maxSeq() > head.length()) {
                findings.add(new ChainFinding(Kind.INSERTED, t.chain(), head.length() + 1, 0,
                        "events follow the recorded head at seq " + head.length() + " (up to seq " + t.maxSeq() + ")"));
            } else if (t.count() != t.maxSeq() - t.bound()) {
                findings.add(new ChainFinding(Kind.DELETED, t.chain(), t.bound() + 1, 0, "only " + t.count() + " of seq "
                        + (t.bound() + 1) + " to " + t.maxSeq() + " are present"));
            }
        }
        return findings;
    }
}
