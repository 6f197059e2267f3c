package dev.blindfold.audit.mirrorgap;

import dev.blindfold.facts.ReadModelState;
import dev.blindfold.identity.StartupLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * Builds every project's kept mirror gap once, at the first start that finds it missing (after the upgrade to V15, or
 * after the way items are scored changed: {@link #VERSION}); then {@link MirrorGapFacts} keeps it. After the label
 * facts' start-up rebuild (priority 1500), before the demo loads (2000).
 */
@ApplicationScoped
class MirrorGapStartup {

    private static final Logger LOG = Logger.getLogger(MirrorGapStartup.class);
    private static final String NAME = "mirror_gap";
    /** Change it when {@link MirrorScores} scores differently: the next start rebuilds. */
    private static final String VERSION = "v1";
    private static final int TIMEOUT_SECONDS = 6 * 3600;

    private final EntityManager em;
    private final StartupLock lock;
    private final MirrorGapRecount recount;
    private final ReadModelState state;

    MirrorGapStartup(EntityManager em, StartupLock lock, MirrorGapRecount recount, ReadModelState state) {
        this.em = em;
        this.state = state;
        this.lock = lock;
        this.recount = recount;
    }

    void onStart(@Observes @Priority(1600) StartupEvent start) {
        QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> {
            lock.acquire();
            boolean factsRebuilt = state.takeFactsRebuilt();
            if (state.current(NAME, VERSION)) {
                return;
            }
            if (factsRebuilt) {
                // Every project's facts rebuild just now rebuilt its mirror gap too (MirrorGapFacts observes it).
                state.record(NAME, VERSION);
                return;
            }
            long started = System.nanoTime();
            int projects = 0;
            for (Object project : em.createNativeQuery("SELECT id FROM projects ORDER BY id").getResultList()) {
                recount.rebuild(((Number) project).longValue());
                em.clear();
                projects++;
            }
            state.record(NAME, VERSION);
            LOG.infof("Mirror gap rebuilt from the answers: %d projects in %d ms", projects,
                    (System.nanoTime() - started) / 1_000_000);
        });
    }
}
