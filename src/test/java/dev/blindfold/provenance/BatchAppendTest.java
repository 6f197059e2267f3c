package dev.blindfold.provenance;

import dev.blindfold.provenance.chain.EventChain;
import dev.blindfold.provenance.chain.EventType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blindfold.identity.User;
import dev.blindfold.provenance.EventLog.NewEvent;
import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A list appended in one call chains exactly as the same events appended one by one would. */
@QuarkusTest
class BatchAppendTest {

    @Inject
    EventLog log;

    @Test
    void aListOfEventsOfTwoChainsLandsInEachChainInOrderAndLinkedToWhatCameBefore() {
        Fixture f = TestData.freeText(1, 0, 1, "REVEAL_AFTER_COMMIT");
        long ops = QuarkusTransaction.requiringNew().call(() -> User.byUsername(f.ops()).orElseThrow().id);
        long auditor = QuarkusTransaction.requiringNew().call(() -> User.byUsername(f.auditor()).orElseThrow().id);
        QuarkusTransaction.requiringNew().run(() -> log.append(event(f.projectId(), ops, 0)));
        List<Event> appended = QuarkusTransaction.requiringNew().call(() -> log.append(List.of(
                event(f.projectId(), ops, 1), event(f.projectId(), auditor, 2), event(f.projectId(), ops, 3),
                event(f.projectId(), auditor, 4), event(f.projectId(), ops, 5))));
        assertEquals(List.of(2L, 1L, 3L, 2L, 4L), appended.stream().map(Event::seq).toList());
        QuarkusTransaction.requiringNew().run(() -> log.append(event(f.projectId(), auditor, 6)));

        for (long actor : List.of(ops, auditor)) {
            List<Event> chain = QuarkusTransaction.requiringNew().call(() -> log.chain(f.projectId(), actor));
            assertEquals(LongStream.rangeClosed(1, chain.size()).boxed().toList(), chain.stream().map(Event::seq).toList());
            String prev = EventChain.GENESIS;
            for (Event e : chain) {
                assertEquals(prev, e.prevHash(), "seq " + e.seq() + " links to its predecessor");
                assertEquals(EventChain.hash(prev, EventChain.canonical(e.entry())), e.hash(), "seq " + e.seq() + " recomputes");
                prev = e.hash();
            }
        }
        assertEquals(4, QuarkusTransaction.requiringNew().call(() -> log.chain(f.projectId(), ops)).size());
        assertEquals(3, QuarkusTransaction.requiringNew().call(() -> log.chain(f.projectId(), auditor)).size());
    }

    private static NewEvent event(long projectId, long actor, int n) {
        return new NewEvent(projectId, actor, null, EventType.KEYSTROKES, null, Map.of("count", n));
    }
}
