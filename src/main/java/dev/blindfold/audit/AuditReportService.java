package dev.blindfold.audit;

import dev.blindfold.export.AgreementService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Puts the anchoring report together from the chain verification, the anchoring pass, agreement and the mirror gap. */
@ApplicationScoped
public class AuditReportService {

    private final ChainAudit chains;
    private final AnchoringService anchoring;
    private final AgreementService agreement;
    private final MirrorGapService mirrorGap;

    AuditReportService(ChainAudit chains, AnchoringService anchoring, AgreementService agreement, MirrorGapService mirrorGap) {
        this.chains = chains;
        this.anchoring = anchoring;
        this.agreement = agreement;
        this.mirrorGap = mirrorGap;
    }

    /** The report; a 404 problem for an unknown project (raised by the first step, before any work). */
    public AuditReport of(long projectId) {
        AnchoringService.ProjectAnchoring audit = anchoring.report(projectId);
        ChainAudit.Verification verification = chains.verify(projectId);
        AnchoringReport r = audit.report();
        return new AuditReport(projectId, audit.project().name, audit.project().taskType.name(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), verification, r.exposure(),
                agreement.agreement(projectId), mirrorGap.mirrorGap(projectId),
                r.annotators(), r.flags(), r.flagsTotal());
    }
}
