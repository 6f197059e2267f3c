package dev.blindfold.audit.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The outcomes of full verifications of a project's log, kept (table {@code verifications}) so the anchoring report
 * of a large log can show the latest one instead of verifying the whole log again. A project keeps its last
 * {@link #KEPT}.
 */
@ApplicationScoped
public class KeptVerifications {

    /** Verifications kept per project; older ones are deleted as a new one is kept. */
    static final int KEPT = 20;

    private static final TypeReference<List<DatabaseFinding>> FINDINGS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;

    KeptVerifications(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * Keeps {@code verification} in a short transaction of its own, and deletes the project's verifications older
     * than its last {@link #KEPT} (a range of {@code verifications_project_ix}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void keep(ChainAudit.Verification verification) {
        VerificationRow row = new VerificationRow();
        row.projectId = verification.projectId();
        row.verifiedAt = verification.verifiedAt();
        row.ok = verification.ok();
        row.events = verification.events();
        row.chains = verification.chains();
        row.millis = verification.millis();
        row.findings = write(verification.findings());
        em.persist(row);
        em.createQuery("select v.id from VerificationRow v where v.projectId = :p order by v.id desc", Long.class)
                .setParameter("p", verification.projectId()).setFirstResult(KEPT - 1).setMaxResults(1)
                .getResultStream().findFirst()
                .ifPresent(oldestKept -> em.createQuery("delete from VerificationRow v where v.projectId = :p"
                                + " and v.id < :oldest").setParameter("p", verification.projectId())
                        .setParameter("oldest", oldestKept).executeUpdate());
    }

    /** The project's latest kept verification, if it was ever verified. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ChainAudit.Verification> latest(long projectId) {
        return em.createQuery("from VerificationRow v where v.projectId = :p order by v.id desc", VerificationRow.class)
                .setParameter("p", projectId).setMaxResults(1).getResultStream().findFirst()
                .map(row -> new ChainAudit.Verification(row.ok, row.projectId, row.events, row.chains,
                        read(row.findings), row.verifiedAt, row.millis, null));
    }

    private String write(List<DatabaseFinding> findings) {
        try {
            return json.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<DatabaseFinding> read(String findings) {
        try {
            return json.readValue(findings, FINDINGS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
