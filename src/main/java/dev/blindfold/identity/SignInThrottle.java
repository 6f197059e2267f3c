package dev.blindfold.identity;

import dev.blindfold.web.BlindfoldConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Backoff after failed sign-ins, per account and per client address, kept in the database so that every node sees
 * the same counts. Reading costs one indexed query per sign-in; only failures write (and a correct sign-in of an
 * account that had failures deletes its row). Rows idle past their forget-after are deleted now and then.
 */
@ApplicationScoped
class SignInThrottle {

    /** How often one node deletes forgotten rows. */
    static final Duration CLEANUP_EVERY = Duration.ofMinutes(1);

    /** The state before an attempt: how long it must still wait (zero: go ahead), and whether the account has failures. */
    record Check(Duration retryAfter, boolean accountFailed) {
        boolean blocked() {
            return !retryAfter.isZero();
        }
    }

    private final EntityManager em;
    private final Backoff account;
    private final Backoff client;
    private final AtomicReference<Instant> lastCleanup = new AtomicReference<>(Instant.EPOCH);

    SignInThrottle(EntityManager em, BlindfoldConfig config) {
        this.em = em;
        BlindfoldConfig.SignIn s = config.signIn();
        this.account = new Backoff(s.accountFreeFailures(), s.accountFirstDelay(), s.accountMaxDelay(), s.accountForgetAfter());
        this.client = new Backoff(s.clientFreeFailures(), s.clientFirstDelay(), s.clientMaxDelay(), s.clientForgetAfter());
    }

    @Transactional
    Check check(String username, String address, Instant now) {
        String accountKey = ThrottleKeys.account(username);
        List<SignInFailure> rows = em.createQuery("from SignInFailure f where f.key in :keys", SignInFailure.class)
                .setParameter("keys", List.of(accountKey, ThrottleKeys.client(address))).getResultList();
        Duration wait = Duration.ZERO;
        boolean accountFailed = false;
        for (SignInFailure row : rows) {
            accountFailed |= row.key.equals(accountKey);
            if (row.blockedUntil != null && row.blockedUntil.isAfter(now)) {
                Duration left = Duration.between(now, row.blockedUntil);
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        return new Check(wait, accountFailed);
    }

    /** Counts a failure for the account and the client (account first, always: two nodes lock in the same order). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void failed(String username, String address, Instant now) {
        count(ThrottleKeys.account(username), account, now);
        count(ThrottleKeys.client(address), client, now);
        cleanUp(now);
    }

    /** A correct sign-in: the account starts counting afresh (the client does not, or a wrong guess would be free). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void succeeded(String username) {
        em.createQuery("delete from SignInFailure f where f.key = :key")
                .setParameter("key", ThrottleKeys.account(username)).executeUpdate();
    }

    private void count(String key, Backoff backoff, Instant now) {
        SignInFailure row = em.find(SignInFailure.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new SignInFailure();
            row.key = key;
            row.failures = backoff.failuresAfter(0, null, now);
            row.lastFailureAt = now;
            row.blockedUntil = backoff.blockedUntil(row.failures, now);
            em.persist(row);
            em.flush();
            return;
        }
        row.failures = backoff.failuresAfter(row.failures, row.lastFailureAt, now);
        row.lastFailureAt = now;
        row.blockedUntil = backoff.blockedUntil(row.failures, now);
    }

    private void cleanUp(Instant now) {
        Instant last = lastCleanup.get();
        if (last.plus(CLEANUP_EVERY).isAfter(now) || !lastCleanup.compareAndSet(last, now)) {
            return;
        }
        Duration keep = account.forgetAfter().compareTo(client.forgetAfter()) > 0 ? account.forgetAfter() : client.forgetAfter();
        Duration blocked = account.maxDelay().compareTo(client.maxDelay()) > 0 ? account.maxDelay() : client.maxDelay();
        Instant before = now.minus(keep.compareTo(blocked) > 0 ? keep : blocked);
        em.createQuery("delete from SignInFailure f where f.lastFailureAt < :before")
                .setParameter("before", before).executeUpdate();
    }
}
