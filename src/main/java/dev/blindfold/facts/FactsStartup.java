package dev.blindfold.facts;

import dev.blindfold.identity.StartupLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * Makes the kept facts match this start's rules and thresholds: when read_model_state holds another fingerprint, or
 * none (a database from before the read models, or one whose facts were never built), every project's facts and
 * every annotator's shown content are rebuilt from the log before requests are served, under the start-up lock so
 * nodes starting together rebuild once.
 */
@ApplicationScoped
class FactsStartup {

    private static final Logger LOG = Logger.getLogger(FactsStartup.class);
    static final String NAME = "label_facts";
    /** A rebuild reads every label's events: as long as an export of the whole database may take. */
    private static final int TIMEOUT_SECONDS = 6 * 3600;

    private final EntityManager em;
    private final StartupLock lock;
    private final FactRebuild rebuild;
    private final ShownContent shown;
    private final FlagLimits limits;
    private final ReadModelState state;

    FactsStartup(EntityManager em, StartupLock lock, FactRebuild rebuild, ShownContent shown, FactSettings settings,
                 ReadModelState state) {
        this.em = em;
        this.state = state;
        this.lock = lock;
        this.rebuild = rebuild;
        this.shown = shown;
        this.limits = settings.limits();
    }

    /** Before the demo (priority 2000) loads: its labels are then kept as they are written. */
    void onStart(@Observes @Priority(1500) StartupEvent start) {
        QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> {
            lock.acquire();
            String fingerprint = limits.fingerprint();
            if (state.current(NAME, fingerprint)) {
                return;
            }
            long started = System.nanoTime();
            long labels = rebuildAll();
            state.record(NAME, fingerprint);
            LOG.infof("Label facts rebuilt from the log (none kept yet, or rules or thresholds changed): %d labels in %d ms",
                    labels, (System.nanoTime() - started) / 1_000_000);
        });
    }

    /** Every annotator's shown content, then every project's facts; the number of labels. */
    private long rebuildAll() {
        em.createNativeQuery("DELETE FROM shown_content").executeUpdate();
        for (Object annotator : em.createNativeQuery("SELECT DISTINCT annotator_id FROM assignments").getResultList()) {
            shown.rebuild(((Number) annotator).longValue());
        }
        for (Object project : em.createNativeQuery("SELECT id FROM projects ORDER BY id").getResultList()) {
            rebuild.facts(((Number) project).longValue());
            em.clear();
        }
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM label_facts").getSingleResult()).longValue();
    }
}
