package dev.blindfold.audit;

import java.util.List;

/** Everything the project audit page shows, from one pass over the project's labels. */
public record AnchoringReport(List<AnnotatorAnchoring> annotators, List<DriftWeek> drift, List<AnchoringFlag> flags) {
}
