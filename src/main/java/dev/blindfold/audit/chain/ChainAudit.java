package dev.blindfold.audit.chain;

import dev.blindfold.project.ProjectService;
import dev.blindfold.provenance.ProjectChains;
import dev.blindfold.provenance.chain.ChainFinding;
import dev.blindfold.provenance.chain.ChainFinding.Kind;
import dev.blindfold.provenance.chain.ChainHeadRef;
import dev.blindfold.provenance.chain.ChainId;
import dev.blindfold.provenance.chain.ChainVerifier;
import dev.blindfold.provenance.chain.EventType;
import dev.blindfold.web.BlindfoldConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import dev.blindfold.audit.AuditMeters;
import dev.blindfold.web.LongReads;

/**
 * Verifies every hash chain of a project from the database, in one read-only transaction: the chains one after another
 * in actor order ({@link ProjectChains#next}, never listed whole), each through {@link StoredChain} a page at a time,
 * so memory holds one page and the findings whatever the project's size.
 *
 * <p>Annotators may keep appending meanwhile. Each chain is read only up to its head as read first, so the verifier
 * sees a prefix that the head anchors; then the events past that bound are counted and the head re-read, and
 * {@link LateAppends} checks the newcomers are accounted for. Last, a cross-check catches what the chains cannot show
 * alone: a chain deleted together with its head row leaves committed assignments whose {@code BLIND_COMMITTED} event
 * is nowhere.
 *
 * <p>Once that transaction has ended, the outcome is kept ({@link KeptVerifications}) in a short one of its own, so
 * the anchoring report of a large log can show it without verifying again.
 */
@ApplicationScoped
public class ChainAudit {

    /**
     * The outcome; {@code events} and {@code chains} count what was read. {@code ok} speaks for the log alone;
     * {@code readModels}, when asked for, says whether what the views read agrees with it (null otherwise).
     */
    public record Verification(boolean ok, long projectId, long events, long chains, List<DatabaseFinding> findings,
                               Instant verifiedAt, long millis, ReadModelCheck.ReadModels readModels) {

        Verification with(ReadModelCheck.ReadModels checked) {
            return new Verification(ok, projectId, events, chains, findings, verifiedAt, millis, checked);
        }
    }

    /** The events of one chain with seq above the bound it was read up to, and the first of them of an unknown type. */
    private record Tail(LateAppends.Tail counted, Long unknownTypeAt) {
    }

    private static final List<String> TYPES = Arrays.stream(EventType.values()).map(Enum::name).toList();

    private final EntityManager em;
    private final ProjectChains chains;
    private final ProjectService projects;
    private final AuditMeters meters;
    private final KeptVerifications kept;
    private final int pageSize;

    ChainAudit(EntityManager em, ProjectChains chains, ProjectService projects, AuditMeters meters,
               KeptVerifications kept, BlindfoldConfig config) {
        this.em = em;
        this.chains = chains;
        this.projects = projects;
        this.meters = meters;
        this.kept = kept;
        this.pageSize = config.audit().verifyPageSize();
    }

    /** Verifies the project's log in a read-only transaction of its own, then keeps the outcome in another. */
    public Verification verify(long projectId) {
        Verification verification = QuarkusTransaction.requiringNew().timeout(LongReads.TIMEOUT_SECONDS).call(() -> check(projectId));
        kept.keep(verification);
        return verification;
    }

    private Verification check(long projectId) {
        long start = System.nanoTime();
        readOnly();
        projects.find(projectId);
        List<ChainFinding> findings = new ArrayList<>();
        Set<Long> broken = new HashSet<>();
        long events = 0;
        long walked = 0;
        for (Optional<ChainId> next = chains.next(projectId, Long.MIN_VALUE); next.isPresent();
             next = chains.next(projectId, next.get().actorId())) {
            ChainId chain = next.get();
            walked++;
            Optional<ChainHeadRef> head = chains.head(chain);
            List<ChainFinding> found = List.of();
            boolean unknownRead = false;
            if (head.isPresent()) {
                StoredChain.Outcome read = StoredChain.check(chains, head.get(), pageSize);
                events += read.events();
                found = read.findings();
                unknownRead = read.unknownType();
            }
            Tail tail = tail(chain, head.map(ChainHeadRef::length).orElse(0L));
            events += tail.counted().count();
            if (tail.unknownTypeAt() != null && !unknownRead) {
                found = List.of(StoredChain.unknownType(chain, tail.unknownTypeAt()));
            } else if (found.isEmpty()) {
                found = LateAppends.check(List.of(tail.counted()), chains.head(chain).map(h -> Map.of(chain, h))
                        .orElse(Map.of()), Set.of());
            }
            if (!found.isEmpty()) {
                broken.add(chain.actorId());
                found.stream().limit(ChainVerifier.MAX_FINDINGS - findings.size()).forEach(findings::add);
            }
        }
        unchainedCommits(projectId, broken).stream().limit(ChainVerifier.MAX_FINDINGS - findings.size())
                .forEach(findings::add);

        List<DatabaseFinding> reported = findings.stream().map(DatabaseFinding::of).toList();
        meters.verified(reported.isEmpty(), start);
        return new Verification(reported.isEmpty(), projectId, events, walked, reported, Instant.now(),
                (System.nanoTime() - start) / 1_000_000, null);
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

    /** Counts the chain's events past {@code bound}; a range of {@code events_chain_uq}. */
    private Tail tail(ChainId chain, long bound) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT COUNT(*), MAX(seq), MIN(CASE WHEN type NOT IN (:types)"
                        + " THEN seq END) FROM events WHERE project_id = :p AND actor_id = :u AND seq > :b")
                .setParameter("types", TYPES).setParameter("p", chain.projectId()).setParameter("u", chain.actorId())
                .setParameter("b", bound).getSingleResult();
        long count = ((Number) row[0]).longValue();
        long max = row[1] == null ? 0 : ((Number) row[1]).longValue();
        return new Tail(new LateAppends.Tail(chain, bound, count, max), row[2] == null ? null : ((Number) row[2]).longValue());
    }

    /**
     * Committed or final assignments whose BLIND_COMMITTED event is not in their annotator's chain, one finding
     * per annotator naming the first such assignment: MISSING_CHAIN when the chain has neither events nor a
     * head any more, else DELETED. Chains already reported broken are left with their first finding. Each probe must
     * be a lookup of events_assignment_ix: the {@code + 0} keeps project and actor out of index conditions, since
     * without fresh statistics PostgreSQL otherwise probes events_chain_uq by chain and filters the whole chain for
     * every assignment (51 minutes at a million events).
     */
    private List<ChainFinding> unchainedCommits(long projectId, Set<Long> broken) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.annotator_id, COUNT(*), MIN(a.id) FROM assignments a"
                        + " WHERE a.project_id = :p AND a.status IN ('COMMITTED', 'FINAL') AND NOT EXISTS (SELECT 1"
                        + " FROM events e WHERE e.assignment_id = a.id AND e.project_id + 0 = a.project_id"
                        + " AND e.actor_id + 0 = a.annotator_id AND e.type = 'BLIND_COMMITTED')"
                        + " GROUP BY a.annotator_id ORDER BY a.annotator_id")
                .setParameter("p", projectId).getResultList();
        List<ChainFinding> findings = new ArrayList<>();
        for (Object[] row : rows) {
            ChainId chain = new ChainId(projectId, ((Number) row[0]).longValue());
            if (broken.contains(chain.actorId())) {
                continue;
            }
            long count = ((Number) row[1]).longValue();
            long first = ((Number) row[2]).longValue();
            String which = count == 1 ? "assignment " + first + " is" : count + " assignments (the first: " + first + ") are";
            boolean gone = chains.next(projectId, chain.actorId() - 1).filter(chain::equals).isEmpty();
            findings.add(gone
                    ? new ChainFinding(Kind.MISSING_CHAIN, chain, 1, 0, which + " committed, but the annotator's chain"
                            + " and its head are gone: the whole chain was deleted")
                    : new ChainFinding(Kind.DELETED, chain, 0, 0, which + " committed, but the BLIND_COMMITTED event"
                            + " is not in the annotator's chain"));
        }
        return findings;
    }
}
