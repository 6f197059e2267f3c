package dev.blindfold.audit;

import dev.blindfold.identity.StartupLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    MirrorGapStartup(EntityManager em, StartupLock lock, MirrorGapRecount recount) {
        this.em = em;
        this.lock = lock;
        this.recount = recount;
    }

    void onStart(@Observes @Priority(1600) StartupEvent start) {
        QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> {
            lock.acquire();
            if (VERSION.equals(em.createNativeQuery("SELECT fingerprint FROM read_model_state WHERE name = ?1")
                    .setParameter(1, NAME).getResultStream().findFirst().orElse(null))) {
                return;
            }
            long started = System.nanoTime();
            int projects = 0;
            for (Object project : em.createNativeQuery("SELECT id FROM projects ORDER BY id").getResultList()) {
                recount.rebuild(((Number) project).longValue());
                em.clear();
                projects++;
            }
            em.createNativeQuery("DELETE FROM read_model_state WHERE name = ?1").setParameter(1, NAME).executeUpdate();
            em.createNativeQuery("INSERT INTO read_model_state (name, fingerprint, built_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, NAME).setParameter(2, VERSION)
                    .setParameter(3, Instant.now().truncatedTo(ChronoUnit.MICROS)).executeUpdate();
            LOG.infof("Mirror gap rebuilt from the answers: %d projects in %d ms", projects,
                    (System.nanoTime() - started) / 1_000_000);
        });
    }
}
