package dev.blindfold.audit.anchoring;

import java.util.List;
import java.util.Map;

/**
 * Everything the project audit page shows, from the kept label facts; {@code exposure} counts the labels per exposure
 * class (every class present, 0 when none); {@code flags} are the first {@link AnchoringService#FLAGS_SHOWN} of
 * {@code flagsTotal}, by annotator, then commit time.
 */
public record AnchoringTables(List<AnnotatorAnchoring> annotators, List<DriftWeek> drift, List<AnchoringFlag> flags,
                              long flagsTotal, Map<String, Long> exposure) {

    /** Flags not listed in {@code flags}. */
    public long flagsNotShown() {
        return flagsTotal - flags.size();
    }
}
