package dev.blindfold.audit;

import java.util.List;
import java.util.Map;

/**
 * Everything the project audit page shows, from one pass over the project's labels; {@code exposure} counts the
 * labels per exposure class (every class present, 0 when none).
 */
public record AnchoringReport(List<AnnotatorAnchoring> annotators, List<DriftWeek> drift, List<AnchoringFlag> flags,
                              Map<String, Long> exposure) {
}
