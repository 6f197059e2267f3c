package dev.blindfold.audit.report;

import java.time.Instant;
import java.util.List;
import dev.blindfold.audit.chain.ChainAudit;
import dev.blindfold.audit.chain.DatabaseFinding;
import dev.blindfold.audit.chain.KeptVerifications;

/**
 * What the anchoring report says of the log, by {@code source}: {@code now}, a full verification run for this report;
 * {@code kept}, the latest verification kept from an earlier one ({@link KeptVerifications}), with {@code eventsSince}
 * the events appended after it, which it did not check; {@code none}, never verified, with {@code ok} and every figure
 * of a verification null. {@code logEvents} is what the log holds as its chain heads count them when the report was
 * made. The other fields are {@link ChainAudit.Verification}'s.
 */
public record ReportVerification(String source, Boolean ok, long projectId, Long events, Long chains,
                                 List<DatabaseFinding> findings, Instant verifiedAt, Long millis, Long eventsSince,
                                 long logEvents) {

    static final String NOW = "now";
    static final String KEPT = "kept";
    static final String NONE = "none";

    /** A verification run for this report. */
    static ReportVerification now(ChainAudit.Verification v, long logEvents) {
        return of(NOW, v, 0, logEvents);
    }

    /** An earlier verification; events the log holds beyond those it read are counted as appended since. */
    static ReportVerification kept(ChainAudit.Verification v, long logEvents) {
        return of(KEPT, v, Math.max(0, logEvents - v.events()), logEvents);
    }

    /** No verification of the project was ever kept. */
    static ReportVerification none(long projectId, long logEvents) {
        return new ReportVerification(NONE, null, projectId, null, null, null, null, null, null, logEvents);
    }

    private static ReportVerification of(String source, ChainAudit.Verification v, long eventsSince, long logEvents) {
        return new ReportVerification(source, v.ok(), v.projectId(), v.events(), v.chains(), v.findings(),
                v.verifiedAt(), v.millis(), eventsSince, logEvents);
    }
}
