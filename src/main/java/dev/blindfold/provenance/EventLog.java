package dev.blindfold.provenance;

import dev.blindfold.provenance.chain.EventChain;
import dev.blindfold.provenance.chain.EventType;
import dev.blindfold.web.DatabaseKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The only way to write the provenance log: append, inside the caller's transaction, so an event
 * lands exactly when the state change it records does. Reads are in chain order.
 */
@ApplicationScoped
public class EventLog {

    /** What the caller knows of an event; the log adds position, server time and hashes. */
    public record NewEvent(long projectId, long actorId, Long assignmentId, EventType type,
                           Instant clientTime, Object payload) {
    }

    private final EntityManager em;
    private final EventMeters meters;
    private final jakarta.enterprise.event.Event<EventAppended> announce;
    private volatile Boolean postgres;

    EventLog(EntityManager em, EventMeters meters, jakarta.enterprise.event.Event<EventAppended> announce) {
        this.em = em;
        this.meters = meters;
        this.announce = announce;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Event append(NewEvent e) {
        return append(List.of(e)).get(0);
    }

    /**
     * Appends the events in the order given, each chained to the one before it in its chain exactly as one
     * {@link #append(NewEvent)} after another would. A chain's head is locked once, when its first event of the list
     * comes, and written once, at flush; the events go to the database as one JDBC batch. Each is then announced
     * ({@link EventAppended}) to the read models, in order, in this transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Event> append(List<NewEvent> events) {
        Map<ChainHead.Key, ChainHead> heads = new HashMap<>();
        List<Event> appended = new ArrayList<>(events.size());
        for (NewEvent e : events) {
            ChainHead head = heads.computeIfAbsent(new ChainHead.Key(e.projectId(), e.actorId()), this::lockHead);
            EventChain.Entry entry = new EventChain.Entry(e.projectId(), e.actorId(), e.assignmentId(), head.seq + 1,
                    e.type(), now(), truncate(e.clientTime()), e.type().clientReported(),
                    EventChain.canonicalJson(e.payload()));
            String hash = EventChain.hash(head.hash, EventChain.canonical(entry));
            Event event = new Event(entry, head.hash, hash);
            em.persist(event);
            head.seq = entry.seq();
            head.hash = hash;
            appended.add(event);
        }
        meters.appended(appended);
        for (Event event : appended) {
            announce.fire(new EventAppended(event));
        }
        return appended;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Event> forAssignment(long assignmentId) {
        return em.createQuery("from Event e where e.assignmentId = :a order by e.seq", Event.class)
                .setParameter("a", assignmentId).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(long assignmentId, EventType type) {
        return em.createQuery("select count(e) from Event e where e.assignmentId = :a and e.type = :t", Long.class)
                .setParameter("a", assignmentId).setParameter("t", type).getSingleResult();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Event> chain(long projectId, long actorId) {
        return em.createQuery("from Event e where e.projectId = :p and e.actorId = :u order by e.seq", Event.class)
                .setParameter("p", projectId).setParameter("u", actorId).getResultList();
    }

    /**
     * Locks the chain's head for this transaction, creating it for a new chain so that first appends arriving
     * together (two nodes, two tabs) queue for it instead of colliding on its key. PostgreSQL inserts it with
     * {@code ON CONFLICT DO NOTHING} (a lock on the project row would deadlock with the key-share locks that
     * inserts referencing the project take); H2, which takes no such locks and has no such insert, creates it
     * under the project row's lock.
     */
    private ChainHead lockHead(ChainHead.Key key) {
        long projectId = key.projectId;
        long actorId = key.actorId;
        ChainHead head = em.find(ChainHead.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (head != null) {
            return head;
        }
        if (postgres()) {
            em.createNativeQuery("INSERT INTO chain_heads (project_id, actor_id, seq, hash) VALUES (:p, :u, 0, :h)"
                    + " ON CONFLICT DO NOTHING").setParameter("p", projectId).setParameter("u", actorId)
                    .setParameter("h", EventChain.GENESIS).executeUpdate();
            return em.find(ChainHead.class, key, LockModeType.PESSIMISTIC_WRITE);
        }
        em.createNativeQuery("SELECT id FROM projects WHERE id = :p FOR UPDATE").setParameter("p", projectId)
                .getResultList();
        head = em.find(ChainHead.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            head = new ChainHead(key);
            em.persist(head);
            em.flush();
        }
        return head;
    }

    private boolean postgres() {
        if (postgres == null) {
            postgres = DatabaseKind.postgres(em);
        }
        return postgres;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant truncate(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }
}
