package dev.blindfold.audit.anchoring;

import java.util.List;
import java.util.function.Function;

/** The three drift charts of the audit page, as SVG text, from the weekly rows. Plain Java. */
public record DriftCharts(String alpha, String accepted, String similarity) {

    public static DriftCharts of(List<DriftWeek> weeks) {
        List<String> x = weeks.stream().map(DriftWeek::isoWeek).toList();
        String alpha = new SvgLineChart("chart-alpha", "Krippendorff's alpha per week, blind vs final answers", -1, 1, x)
                .series("blind", values(weeks, DriftWeek::blindAlpha))
                .series("final", values(weeks, DriftWeek::finalAlpha)).render();
        String accepted = new SvgLineChart("chart-accepted", "Share of revealed finals that accepted a draft, per week", 0, 1, x)
                .series("draft_accepted", values(weeks, DriftWeek::acceptedShare)).render();
        String similarity = new SvgLineChart("chart-similarity",
                "Mean edit similarity of final answers to their closest draft, per week", 0, 1, x)
                .series("similarity to draft", values(weeks, DriftWeek::meanFinalDraftSimilarity)).render();
        return new DriftCharts(alpha, accepted, similarity);
    }

    private static List<Double> values(List<DriftWeek> weeks, Function<DriftWeek, Double> figure) {
        return weeks.stream().map(figure).toList();
    }
}
