package dev.blindfold.provenance;

import dev.blindfold.provenance.chain.ChainHeadRef;
import dev.blindfold.provenance.chain.ChainId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a project's chains for verification and audit bundles: the recorded heads, which chains have
 * events, and one chain's events in seq order, a page at a time by keyset on {@code (seq, id)} (H2 materialises a
 * whole result set, so a chain is never read in one query). Read events are detached, so memory holds one
 * page whatever the chain's length.
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

    /** Every actor with at least one event in the project, ascending: the chains the events table holds. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> actorsWithEvents(long projectId) {
        return em.createQuery("select distinct e.actorId from Event e where e.projectId = :p order by e.actorId", Long.class)
                .setParameter("p", projectId).getResultList();
    }

    /** Hands {@code sink} the chain's events with seq at most {@code upToSeq}, in seq order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forEach(ChainId chain, long upToSeq, Consumer<Event> sink) {
        long after = Long.MIN_VALUE;
        long afterId = Long.MIN_VALUE;
        while (true) {
            List<Event> page = em.createQuery("from Event e where e.projectId = :p and e.actorId = :u"
                            + " and (e.seq > :after or (e.seq = :after and e.id > :afterId)) and e.seq <= :upTo"
                            + " order by e.seq, e.id", Event.class)
                    .setParameter("p", chain.projectId()).setParameter("u", chain.actorId())
                    .setParameter("after", after).setParameter("afterId", afterId).setParameter("upTo", upToSeq)
                    .setMaxResults(PAGE).getResultList();
            for (Event e : page) {
                em.detach(e);
                sink.accept(e);
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).seq();
            afterId = page.get(page.size() - 1).id();
        }
    }
}
