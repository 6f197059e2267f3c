package dev.blindfold.audit.anchoring;

import dev.blindfold.exposure.ExposureClass;
import dev.blindfold.agreement.Krippendorff;
import dev.blindfold.exposure.LabelExposure;
import dev.blindfold.exposure.LabelExposure.ShownDraft;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.blindfold.audit.anchoring.DriftWeek;
import dev.blindfold.audit.anchoring.AnnotatorTally;

/**
 * Adds up one week's labels into a {@link DriftWeek}. Alpha needs the week's answers grouped by item (units,
 * as AgreementService builds them: an item's answers, compared as exact strings), so those are kept per week;
 * everything else is counters. Plain Java.
 */
final class WeekTally {

    private final Map<Long, List<String>> blindByItem = new HashMap<>();
    private final Map<Long, List<String>> finalByItem = new HashMap<>();
    private long labels;
    private long revealedFinals;
    private long accepted;
    private long similarities;
    private double similaritySum;

    void add(long itemId, LabelExposure label) {
        labels++;
        blindByItem.computeIfAbsent(itemId, id -> new ArrayList<>(2)).add(label.blindAnswer());
        if (label.decision() == null) {
            return;
        }
        finalByItem.computeIfAbsent(itemId, id -> new ArrayList<>(2)).add(label.finalAnswer());
        if (AnnotatorTally.isRevealed(label)) {
            revealedFinals++;
            accepted += label.exposure() == ExposureClass.DRAFT_ACCEPTED ? 1 : 0;
            ShownDraft closest = AnnotatorTally.closestToFinal(label);
            if (closest != null) {
                similarities++;
                similaritySum += closest.finalEdit();
            }
        }
    }

    DriftWeek row(LocalDate monday) {
        return new DriftWeek(monday, isoWeek(monday), labels, alpha(blindByItem), alpha(finalByItem), revealedFinals,
                AnnotatorTally.share(accepted, revealedFinals), similarities == 0 ? null : similaritySum / similarities);
    }

    /** A week in which nothing was committed. */
    static DriftWeek empty(LocalDate monday) {
        return new WeekTally().row(monday);
    }

    static String isoWeek(LocalDate day) {
        return DriftWeek.isoWeek(day);
    }

    private static Double alpha(Map<Long, List<String>> units) {
        double alpha = Krippendorff.nominalAlpha(new ArrayList<>(units.values()));
        return Double.isNaN(alpha) ? null : alpha;
    }
}
