package dev.blindfold.provenance;

import dev.blindfold.provenance.chain.ChainHeadRef;
import dev.blindfold.provenance.chain.ChainId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.hibernate.Session;

/**
 * Reads a project's chains for verification and audit bundles: the recorded heads, the chains one after another, and
 * one chain's events in seq order, a page at a time by keyset on seq (a range of {@code events_chain_uq}; H2
 * materialises a whole result set, so a chain is never read in one query). Read events are detached, so memory holds
 * one page whatever the chain's length.
 */
@ApplicationScoped
public class ProjectChains {

    static final int PAGE = 1_000;

    private final EntityManager em;

    ProjectChains(EntityManager em) {
        this.em = em;
    }

    /** The project's recorded chain heads, by actor. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChainHeadRef> heads(long projectId) {
        return em.createQuery("from ChainHead h where h.key.projectId = :p order by h.key.actorId", ChainHead.class)
                .setParameter("p", projectId).getResultStream()
                .map(h -> new ChainHeadRef(new ChainId(projectId, h.key.actorId), h.seq, h.hash)).toList();
    }

    /**
     * The events the project's log holds as its recorded heads count them: the sum of the heads' lengths, a range of
     * {@code chain_heads}' key, so one row per chain whatever the log's size. Nothing is verified.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long events(long projectId) {
        return ((Number) em.createNativeQuery("SELECT COALESCE(SUM(seq), 0) FROM chain_heads WHERE project_id = :p")
                .setParameter("p", projectId).getSingleResult()).longValue();
    }

    /**
     * The project's next chain after {@code afterActor}, in actor order: the lowest actor with a recorded head or an
     * event. Two index lookups, so the chains are walked one at a time, never listed whole.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ChainId> next(long projectId, long afterActor) {
        Number actor = (Number) em.createNativeQuery("SELECT MIN(a) FROM (SELECT MIN(actor_id) AS a FROM chain_heads"
                        + " WHERE project_id = :p AND actor_id > :a UNION ALL SELECT MIN(actor_id) AS a FROM events"
                        + " WHERE project_id = :p AND actor_id > :a) n")
                .setParameter("p", projectId).setParameter("a", afterActor).getSingleResult();
        return actor == null ? Optional.empty() : Optional.of(new ChainId(projectId, actor.longValue()));
    }

    /** The chain's recorded head as the database holds it now (never a copy the persistence context kept). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ChainHeadRef> head(ChainId chain) {
        return em.createQuery("select h.seq, h.hash from ChainHead h where h.key.projectId = :p and h.key.actorId = :u",
                        Object[].class)
                .setParameter("p", chain.projectId()).setParameter("u", chain.actorId()).getResultStream().findFirst()
                .map(row -> new ChainHeadRef(chain, ((Number) row[0]).longValue(), (String) row[1]));
    }

    /** Hands {@code rows} the chain's stored rows with seq at most {@code upToSeq}, in seq order ({@link ChainPages}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forEachRow(ChainId chain, long upToSeq, int pageSize, ChainPages.Rows rows) {
        em.unwrap(Session.class).doWork(c -> ChainPages.read(c, chain, upToSeq, pageSize, rows));
    }

    /** Hands {@code sink} the chain's events with seq at most {@code upToSeq}, in seq order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forEach(ChainId chain, long upToSeq, Consumer<Event> sink) {
        long after = Long.MIN_VALUE;
        while (true) {
            List<Event> page = em.createQuery("from Event e where e.projectId = :p and e.actorId = :u"
                            + " and e.seq > :after and e.seq <= :upTo order by e.seq", Event.class)
                    .setParameter("p", chain.projectId()).setParameter("u", chain.actorId())
                    .setParameter("after", after).setParameter("upTo", upToSeq)
                    .setMaxResults(PAGE).getResultList();
            for (Event e : page) {
                em.detach(e);
                sink.accept(e);
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).seq();
        }
    }
}
