package dev.blindfold.audit.report;

import dev.blindfold.agreement.AgreementService;
import dev.blindfold.project.LeakCounts;
import dev.blindfold.provenance.ProjectChains;
import dev.blindfold.golditems.GoldQualityReads;
import dev.blindfold.web.BlindfoldConfig;
import dev.blindfold.web.ProblemException;
import dev.blindfold.review.AdjudicationCounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import dev.blindfold.audit.anchoring.AnchoringService;
import dev.blindfold.audit.anchoring.AnchoringTables;
import dev.blindfold.audit.chain.ChainAudit;
import dev.blindfold.audit.chain.KeptVerifications;
import dev.blindfold.audit.mirrorgap.MirrorGapService;

/**
 * Puts the anchoring report together from the log's verification, the anchoring pass, agreement, the mirror gap and
 * the kept quality figures.
 * A log of at most {@code blindfold.audit.report-verify-events} events is verified for the report; a larger one only
 * when asked ({@code verify=now}), else the report shows the latest kept verification ({@link ReportVerification}).
 */
@ApplicationScoped
public class AnchoringReportService {

    private final ChainAudit chains;
    private final KeptVerifications kept;
    private final ProjectChains log;
    private final AnchoringService anchoring;
    private final AgreementService agreement;
    private final MirrorGapService mirrorGap;
    private final LeakCounts leaks;
    private final long verifyEvents;
    private final AdjudicationCounts adjudications;
    private final GoldQualityReads goldItems;

    AnchoringReportService(ChainAudit chains, KeptVerifications kept, ProjectChains log, AnchoringService anchoring,
                       AgreementService agreement, MirrorGapService mirrorGap, LeakCounts leaks, BlindfoldConfig config,
                       AdjudicationCounts adjudications, GoldQualityReads goldItems) {
        this.leaks = leaks;
        this.adjudications = adjudications;
        this.goldItems = goldItems;
        this.chains = chains;
        this.kept = kept;
        this.log = log;
        this.anchoring = anchoring;
        this.agreement = agreement;
        this.mirrorGap = mirrorGap;
        this.verifyEvents = config.audit().reportVerifyEvents();
    }

    /**
     * The report. {@code verify} is the query parameter: "now" verifies the log whatever its size, absent (or empty)
     * leaves it to the log's size, anything else is a 400 problem; an unknown project is a 404 problem, raised before any work.
     */
    public AnchoringReport of(long projectId, String verify) {
        boolean verifyNow = verifyNow(verify);
        AnchoringService.ProjectAnchoring audit = anchoring.report(projectId);
        ReportVerification verification = verification(projectId, verifyNow);
        AnchoringTables r = audit.report();
        return new AnchoringReport(projectId, audit.project().name, audit.project().taskType.name(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), verification, r.exposure(),
                agreement.agreement(projectId), mirrorGap.mirrorGap(projectId),
                r.annotators(), r.flags(), r.flagsTotal(), quality(projectId));
    }

    private QualitySection quality(long projectId) {
        return new QualitySection(goldItems.quality(projectId), leaks.figures(projectId),
                adjudications.rates(projectId));
    }

    private static boolean verifyNow(String verify) {
        if (verify == null || verify.isEmpty()) {
            return false;
        }
        if (verify.equals(ReportVerification.NOW)) {
            return true;
        }
        throw ProblemException.badRequest("invalid-verify", "verify must be 'now' (or left out).");
    }

    private ReportVerification verification(long projectId, boolean verifyNow) {
        long logEvents = log.events(projectId);
        if (verifyNow || logEvents <= verifyEvents) {
            return ReportVerification.now(chains.verify(projectId), logEvents);
        }
        return kept.latest(projectId).map(v -> ReportVerification.kept(v, logEvents))
                .orElseGet(() -> ReportVerification.none(projectId, logEvents));
    }
}
