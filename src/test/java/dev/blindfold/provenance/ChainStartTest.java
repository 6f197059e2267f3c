package dev.blindfold.provenance;

import dev.blindfold.provenance.chain.EventType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blindfold.support.TestData;
import dev.blindfold.support.TestData.Fixture;
import dev.blindfold.identity.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The first events of a brand-new chain, appended at the same moment from several transactions (two app nodes,
 * two tabs), all land: the chain's head is created once and the appends queue behind its lock, instead of all
 * but one failing on the head's primary key.
 */
@QuarkusTest
class ChainStartTest {

    private static final int WRITERS = 6;

    @Inject
    EventLog log;

    @Test
    void simultaneousFirstAppendsToANewChainAllLandInOneGaplessChain() throws Exception {
        Fixture f = TestData.freeText(1, 0, 1, "REVEAL_AFTER_COMMIT");
        long actor = QuarkusTransaction.requiringNew().call(() -> User.byUsername(f.auditor()).orElseThrow().id);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Long>> seqs = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                int writer = i;
                seqs.add(pool.submit(() -> {
                    start.await();
                    return QuarkusTransaction.requiringNew().call(() -> log.append(new EventLog.NewEvent(f.projectId(),
                            actor, null, EventType.ITEM_SHOWN, null, Map.of("writer", writer))).seq());
                }));
            }
            start.countDown();
            List<Long> got = new ArrayList<>();
            for (Future<Long> seq : seqs) {
                got.add(seq.get(60, TimeUnit.SECONDS));
            }
            assertEquals(LongStream.rangeClosed(1, WRITERS).boxed().toList(), got.stream().sorted().toList());
        } finally {
            pool.shutdownNow();
        }
        List<Event> chain = QuarkusTransaction.requiringNew().call(() -> log.chain(f.projectId(), actor));
        assertEquals(LongStream.rangeClosed(1, WRITERS).boxed().toList(), chain.stream().map(Event::seq).toList());
    }
}
