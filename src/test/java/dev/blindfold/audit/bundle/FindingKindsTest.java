package dev.blindfold.audit.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blindfold.provenance.chain.ChainFinding;
import org.junit.jupiter.api.Test;

/**
 * One vocabulary of findings: a break the chain rules name ({@link ChainFinding.Kind}) has the same name in an offline
 * bundle verification's findings, as it has in the database verification's ({@code DatabaseFinding} holds the kind
 * itself). A kind added to the chain rules without its bundle twin would fail the verifier at the first such break.
 */
class FindingKindsTest {

    @Test
    void everyChainBreakIsABundleFindingOfTheSameName() {
        for (ChainFinding.Kind kind : ChainFinding.Kind.values()) {
            assertEquals(kind.name(), BundleFinding.Kind.of(kind).name());
        }
    }
}
