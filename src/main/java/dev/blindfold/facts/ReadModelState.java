package dev.blindfold.facts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which version of each read model the database holds (read_model_state: a name and the fingerprint of the rules it
 * was built with), so a start-up rebuilds a read model only when it is missing or was built under other rules. Call
 * it in the start-up's transaction, under the start-up lock.
 */
@ApplicationScoped
public class ReadModelState {

    private final EntityManager em;
    /** Read models this process rebuilt and recorded, until taken. */
    private final Set<String> rebuiltHere = ConcurrentHashMap.newKeySet();

    ReadModelState(EntityManager em) {
        this.em = em;
    }

    /** Whether the read model {@code name} was built with {@code fingerprint}. */
    public boolean current(String name, String fingerprint) {
        return fingerprint.equals(em.createNativeQuery("SELECT fingerprint FROM read_model_state WHERE name = ?1")
                .setParameter(1, name).getResultStream().findFirst().orElse(null));
    }

    /** Records that {@code name} now holds what {@code fingerprint}'s rules build. */
    public void record(String name, String fingerprint) {
        em.createNativeQuery("DELETE FROM read_model_state WHERE name = ?1").setParameter(1, name).executeUpdate();
        em.createNativeQuery("INSERT INTO read_model_state (name, fingerprint, built_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, name).setParameter(2, fingerprint)
                .setParameter(3, Instant.now().truncatedTo(ChronoUnit.MICROS)).executeUpdate();
        rebuiltHere.add(name);
    }

    /**
     * Whether this process rebuilt every project's label facts at start-up since the last call (true once): each
     * project's rebuild announced {@link FactsRebuilt}, so read models kept from the facts were rebuilt with them.
     */
    public boolean takeFactsRebuilt() {
        return rebuiltHere.remove(FactsStartup.NAME);
    }
}
