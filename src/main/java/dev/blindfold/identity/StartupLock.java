package dev.blindfold.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Serialises what nodes write into an empty database on start (the first admin, the demo): app nodes started
 * together on one PostgreSQL (compose replicas) would otherwise both see no admin and both insert one, and the
 * loser would crash on the username's unique key. On PostgreSQL a transaction-scoped advisory lock, released at
 * commit, so the next node's check (a new statement under READ COMMITTED) sees what the first one wrote. An H2
 * file belongs to one process, so there it takes nothing.
 */
@ApplicationScoped
public class StartupLock {

    /** The advisory lock's key: "blindfol" in ASCII, a number no other lock in this database uses. */
    static final long KEY = 0x626c696e64666f6cL;

    private final EntityManager em;

    StartupLock(EntityManager em) {
        this.em = em;
    }

    /** Holds the lock until the caller's transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acquire() {
        boolean postgres = dev.blindfold.web.DatabaseKind.postgres(em);
        if (postgres) {
            em.createNativeQuery("SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock(:key)) locked")
                    .setParameter("key", KEY).getSingleResult();
        }
    }
}
