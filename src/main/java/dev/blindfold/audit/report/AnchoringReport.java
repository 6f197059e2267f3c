package dev.blindfold.audit.report;

import dev.blindfold.agreement.AgreementService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import dev.blindfold.audit.anchoring.AnchoringFlag;
import dev.blindfold.audit.anchoring.AnchoringService;
import dev.blindfold.audit.anchoring.AnnotatorAnchoring;
import dev.blindfold.audit.mirrorgap.MirrorGapRow;
import dev.blindfold.golditems.GoldQuality;

/**
 * The anchoring report of one project, for an auditor to read, print or hand on: whether the log verifies (or
 * verified, when last checked: {@link ReportVerification}), labels per exposure class, agreement of blind and final answers, the mirror gap per model family, the
 * per-annotator anchoring table and the flagged labels (the first {@link AnchoringService#FLAGS_SHOWN} of
 * {@code flagsTotal}; the flags table has them all), and each annotator's accuracy on gold items ({@link GoldQuality}).
 */
public record AnchoringReport(long projectId, String projectName, String taskType, Instant generatedAt,
                          ReportVerification verification, Map<String, Long> exposure,
                          AgreementService.Agreement agreement, List<MirrorGapRow> mirrorGap,
                          List<AnnotatorAnchoring> annotators, List<AnchoringFlag> flags, long flagsTotal,
                          GoldQuality goldAccuracy) {

    /** Flags not listed in {@code flags}. */
    public long flagsNotShown() {
        return flagsTotal - flags.size();
    }

    /** Labels of all classes. */
    public long labels() {
        return exposure.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@code count} as a share of all labels; null when there are none. */
    public Double shareOf(long count) {
        long all = labels();
        return all == 0 ? null : (double) count / all;
    }
}
