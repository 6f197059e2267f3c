package dev.blindfold.export;

import dev.blindfold.identity.StartupLock;
import dev.blindfold.web.BlindfoldConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The key of the export pseudonyms. A constant default would let anyone holding an export recompute which
 * annotator id is behind each pseudonym, so there is none: the operator's BLINDFOLD_EXPORT_PSEUDONYM_KEY, else a
 * 256-bit random key this deployment generated on its first start and keeps in {@code deployment_secrets}. Nodes
 * starting together take it under the start-up lock, so they all read the one the first of them wrote.
 */
@ApplicationScoped
public class PseudonymKey {

    private static final Logger LOG = Logger.getLogger(PseudonymKey.class);
    static final String NAME = "export-pseudonym-key";

    private final EntityManager em;
    private final BlindfoldConfig config;
    private final StartupLock lock;
    private volatile String key;

    PseudonymKey(EntityManager em, BlindfoldConfig config, StartupLock lock) {
        this.em = em;
        this.config = config;
        this.lock = lock;
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        key = config.export().pseudonymKey().filter(k -> !k.isBlank()).orElseGet(this::stored);
    }

    /** The key in force. */
    public String value() {
        if (key == null) {
            throw new IllegalStateException("the pseudonym key is read on start");
        }
        return key;
    }

    private String stored() {
        lock.acquire();
        List<?> found = em.createNativeQuery("SELECT secret FROM deployment_secrets WHERE name = :name")
                .setParameter("name", NAME).getResultList();
        if (!found.isEmpty()) {
            return (String) found.get(0);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        em.createNativeQuery("INSERT INTO deployment_secrets (name, secret, created_at) VALUES (:name, :secret, :at)")
                .setParameter("name", NAME).setParameter("secret", generated)
                .setParameter("at", Instant.now().truncatedTo(ChronoUnit.MICROS)).executeUpdate();
        LOG.info("Export pseudonyms use this deployment's own random key (kept in the database; set "
                + "BLINDFOLD_EXPORT_PSEUDONYM_KEY to choose one)");
        return generated;
    }
}
