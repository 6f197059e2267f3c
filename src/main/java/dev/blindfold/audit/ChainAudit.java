package dev.blindfold.audit;

import dev.blindfold.project.ProjectService;
import dev.blindfold.provenance.chain.ChainFinding;
import dev.blindfold.provenance.chain.ChainFinding.Kind;
import dev.blindfold.provenance.chain.ChainHeadRef;
import dev.blindfold.provenance.chain.ChainId;
import dev.blindfold.provenance.chain.ChainVerifier;
import dev.blindfold.provenance.chain.ChainedEvent;
import dev.blindfold.provenance.Event;
import dev.blindfold.provenance.chain.EventChain;
import dev.blindfold.provenance.chain.EventType;
import dev.blindfold.provenance.ProjectChains;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * Verifies every hash chain of a project from the database, in one read-only transaction, streaming each
 * chain through the shared {@link ChainVerifier} a page at a time.
 *
 * <p>Annotators may keep appending meanwhile. The heads are read first and each chain is read only up to
 * its head's seq, so the verifier sees a prefix that the head anchors; then the events past that bound are
 * counted and the heads re-read, and {@link PastBound} checks the newcomers are accounted for. Last, a
 * cross-check catches what the chains cannot show alone: a chain deleted together with its head row leaves
 * committed assignments whose {@code BLIND_COMMITTED} event is nowhere.
 */
@ApplicationScoped
public class ChainAudit {

    /** One break, as the API reports it. {@code position} is the event's row id, 0 at a chain's end or absent chain. */
    public record Finding(String kind, long actorId, long seq, long position, String detail) {
    }

    /** The outcome; {@code events} and {@code chains} count what was read. */
    public record Verification(boolean ok, long projectId, long events, long chains, List<Finding> findings,
                               Instant verifiedAt, long millis) {
    }

    static final int TIMEOUT_SECONDS = 3600;

    private final EntityManager em;
    private final ProjectChains chains;
    private final ProjectService projects;
    private final AuditMeters meters;

    ChainAudit(EntityManager em, ProjectChains chains, ProjectService projects, AuditMeters meters) {
        this.em = em;
        this.chains = chains;
        this.projects = projects;
        this.meters = meters;
    }

    @Transactional
    @TransactionConfiguration(timeout = TIMEOUT_SECONDS)
    public Verification verify(long projectId) {
        long start = System.nanoTime();
        readOnly();
        projects.find(projectId);
        Map<ChainId, ChainHeadRef> heads = byChain(chains.heads(projectId));
        Set<ChainId> toRead = new TreeSet<>(heads.keySet());
        chains.actorsWithEvents(projectId).forEach(actor -> toRead.add(new ChainId(projectId, actor)));

        Map<ChainId, ChainFinding> unreadable = unknownTypes(projectId);
        ChainVerifier verifier = new ChainVerifier(heads.values().stream()
                .filter(h -> !unreadable.containsKey(h.chain())).toList());
        Set<Long> notUnicode = new HashSet<>();
        for (ChainId chain : toRead) {
            ChainHeadRef head = heads.get(chain);
            if (head != null && !unreadable.containsKey(chain)) {
                chains.forEach(chain, head.length(), e -> verifier.accept(chained(e, notUnicode)));
            }
        }
        ChainVerifier.Result result = verifier.finish();
        List<ChainFinding> findings = new ArrayList<>(unreadable.values());
        result.findings().forEach(f -> findings.add(explained(f, notUnicode)));
        Set<ChainId> broken = findings.stream().map(ChainFinding::chain).collect(Collectors.toCollection(HashSet::new));

        List<PastBound.Tail> tails = new ArrayList<>();
        for (ChainId chain : toRead) {
            ChainHeadRef head = heads.get(chain);
            tails.add(tail(chain, head == null ? 0 : head.length()));
        }
        em.clear(); // the heads read first are still managed: without this, re-reading returns them unchanged
        Map<ChainId, ChainHeadRef> headsAtEnd = byChain(chains.heads(projectId));
        List<ChainFinding> past = PastBound.check(tails, headsAtEnd, broken);
        findings.addAll(past);
        past.forEach(f -> broken.add(f.chain()));
        findings.addAll(unchainedCommits(projectId, toRead, headsAtEnd.keySet(), broken));

        long events = result.events() + tails.stream().mapToLong(PastBound.Tail::count).sum();
        List<Finding> reported = findings.stream().map(f -> new Finding(f.kind().name(), f.chain().actorId(), f.seq(),
                f.position(), f.detail())).toList();
        meters.verified(reported.isEmpty(), start);
        return new Verification(reported.isEmpty(), projectId, events, toRead.size(), reported, Instant.now(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Nothing read is ever flushed back, and on PostgreSQL the transaction itself is READ ONLY (its first
     * statement; the pool does not let an enlisted connection's read-only flag change). H2 has no such statement.
     */
    private void readOnly() {
        Session session = em.unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
        session.doWork(c -> {
            if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET TRANSACTION READ ONLY");
                }
            }
        });
    }

    private PastBound.Tail tail(ChainId chain, long bound) {
        Object[] row = em.createQuery("select count(e), max(e.seq) from Event e where e.projectId = :p"
                        + " and e.actorId = :u and e.seq > :b", Object[].class)
                .setParameter("p", chain.projectId()).setParameter("u", chain.actorId()).setParameter("b", bound)
                .getSingleResult();
        long count = ((Number) row[0]).longValue();
        return new PastBound.Tail(chain, bound, count, row[1] == null ? 0 : ((Number) row[1]).longValue());
    }

    /**
     * Committed or final assignments whose BLIND_COMMITTED event is not in their annotator's chain, one finding
     * per annotator naming the first such assignment: MISSING_CHAIN when the chain has neither events nor a
     * head any more, else DELETED. Chains already reported broken are left with their first finding.
     */
    private List<ChainFinding> unchainedCommits(long projectId, Set<ChainId> withEvents, Set<ChainId> headsAtEnd,
                                                Set<ChainId> broken) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.annotator_id, COUNT(*), MIN(a.id) FROM assignments a"
                        + " WHERE a.project_id = :p AND a.status IN ('COMMITTED', 'FINAL') AND NOT EXISTS (SELECT 1"
                        + " FROM events e WHERE e.assignment_id = a.id AND e.project_id = a.project_id"
                        + " AND e.actor_id = a.annotator_id AND e.type = 'BLIND_COMMITTED')"
                        + " GROUP BY a.annotator_id ORDER BY a.annotator_id")
                .setParameter("p", projectId).getResultList();
        List<ChainFinding> findings = new ArrayList<>();
        for (Object[] row : rows) {
            ChainId chain = new ChainId(projectId, ((Number) row[0]).longValue());
            if (broken.contains(chain)) {
                continue;
            }
            long count = ((Number) row[1]).longValue();
            long first = ((Number) row[2]).longValue();
            String which = count == 1 ? "assignment " + first + " is" : count + " assignments (the first: " + first + ") are";
            boolean gone = !withEvents.contains(chain) && !headsAtEnd.contains(chain);
            findings.add(gone
                    ? new ChainFinding(Kind.MISSING_CHAIN, chain, 1, 0, which + " committed, but the annotator's chain"
                            + " and its head are gone: the whole chain was deleted")
                    : new ChainFinding(Kind.DELETED, chain, 0, 0, which + " committed, but the BLIND_COMMITTED event"
                            + " is not in the annotator's chain"));
        }
        return findings;
    }

    /**
     * Chains holding an event whose type Blindfold never writes (the column was edited): such a row cannot be
     * read as an event, so the chain is reported CHANGED at its first one and not read further.
     */
    private Map<ChainId, ChainFinding> unknownTypes(long projectId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT actor_id, MIN(seq) FROM events WHERE project_id = :p"
                        + " AND type NOT IN (:types) GROUP BY actor_id ORDER BY actor_id")
                .setParameter("p", projectId)
                .setParameter("types", Arrays.stream(EventType.values()).map(Enum::name).toList()).getResultList();
        Map<ChainId, ChainFinding> found = new LinkedHashMap<>();
        for (Object[] row : rows) {
            ChainId chain = new ChainId(projectId, ((Number) row[0]).longValue());
            long seq = ((Number) row[1]).longValue();
            found.put(chain, new ChainFinding(Kind.CHANGED, chain, seq, 0, "seq " + seq
                    + " has an event type Blindfold never writes: its type was altered"));
        }
        return found;
    }

    private static Map<ChainId, ChainHeadRef> byChain(List<ChainHeadRef> heads) {
        Map<ChainId, ChainHeadRef> map = new LinkedHashMap<>();
        heads.forEach(h -> map.put(h.chain(), h));
        return map;
    }

    /**
     * The event as the verifier reads it. A payload that is no longer JSON, or holds text that is not valid Unicode,
     * yields bytes that cannot match its hash, so the event is reported as changed; the ids of the latter are added to
     * {@code notUnicode}, for {@link #explained}.
     */
    static ChainedEvent chained(Event e, Set<Long> notUnicode) {
        byte[] canonical;
        try {
            canonical = EventChain.utf8(EventChain.canonical(e.entry()));
        } catch (IllegalArgumentException unreadable) {
            if (unreadable.getCause() instanceof java.nio.charset.CharacterCodingException) {
                notUnicode.add(e.id());
            }
            canonical = ("not canonical: event " + e.id()).getBytes(StandardCharsets.US_ASCII);
        }
        return new ChainedEvent(e.projectId(), e.actorId(), e.seq(), e.prevHash(), e.hash(), canonical, e.id());
    }

    /**
     * A changed event whose text is not valid Unicode says so: older versions stored such text (a lone surrogate) and
     * hashed it with '?' in its place, so its hash cannot attest which text it holds, and the chain is not checked past
     * it.
     */
    private static ChainFinding explained(ChainFinding f, Set<Long> notUnicode) {
        if (f.kind() != Kind.CHANGED || !notUnicode.contains(f.position())) {
            return f;
        }
        return new ChainFinding(f.kind(), f.chain(), f.seq(), f.position(), "its text is not valid Unicode (a lone"
                + " surrogate, stored before such text was refused), which its hash cannot attest: older versions hashed"
                + " '?' in its place; the chain is not checked past it");
    }
}
