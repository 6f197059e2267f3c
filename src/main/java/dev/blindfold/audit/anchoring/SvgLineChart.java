package dev.blindfold.audit.anchoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small server-rendered SVG line chart: one x category per point (weeks), a fixed y range, several series with
 * a legend. A {@code null} value leaves a gap (the line breaks); every value gets a dot with its figure as a
 * tooltip. The chart is {@code role="img"} with a {@code <title>}; the page shows the same numbers in a table.
 * All text is XML-escaped. Plain Java.
 */
public final class SvgLineChart {

    /** One line: a name for the legend and a value (or null) per x category. */
    public record Series(String name, List<Double> values) {
    }

    static final String EMPTY = "No labels yet";
    private static final String[] COLOURS = {"#2f5bd3", "#d9822b", "#1f7a4a", "#b3261e"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 48;
    /** Room for the last week's label, centred on its tick. */
    private static final int RIGHT = 36;
    private static final int TOP = 36;
    private static final int BOTTOM = 40;
    private static final int Y_TICKS = 4;
    private static final int MAX_X_LABELS = 8;

    private final String id;
    private final String title;
    private final double yMin;
    private final double yMax;
    private final List<String> xLabels;
    private final List<Series> series = new ArrayList<>();

    /** {@code id} must be unique on the page (it names the title element); {@code yMin < yMax}. */
    public SvgLineChart(String id, String title, double yMin, double yMax, List<String> xLabels) {
        this.id = id;
        this.title = title;
        this.yMin = yMin;
        this.yMax = yMax;
        this.xLabels = List.copyOf(xLabels);
    }

    /** Adds a series; it must have one value (or null) per x label. */
    public SvgLineChart series(String name, List<Double> values) {
        if (values.size() != xLabels.size()) {
            throw new IllegalArgumentException(name + ": " + values.size() + " values for " + xLabels.size() + " x labels");
        }
        series.add(new Series(name, new ArrayList<>(values)));
        return this;
    }

    public String render() {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" aria-labelledby=\"").append(escape(id))
                .append("-title\"><title id=\"").append(escape(id)).append("-title\">").append(escape(title))
                .append("</title>");
        if (series.stream().allMatch(s -> s.values().stream().allMatch(v -> v == null))) {
            svg.append("<text class=\"chart-empty\" x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\">").append(EMPTY).append("</text></svg>");
            return svg.toString();
        }
        axes(svg);
        for (int s = 0; s < series.size(); s++) {
            line(svg, series.get(s), COLOURS[s % COLOURS.length]);
        }
        legend(svg);
        return svg.append("</svg>").toString();
    }

    private void axes(StringBuilder svg) {
        svg.append("<g class=\"axes\" font-size=\"11\" fill=\"#5d6678\">");
        for (int t = 0; t <= Y_TICKS; t++) {
            double value = yMin + (yMax - yMin) * t / Y_TICKS;
            String y = num(y(value));
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y).append("\" stroke=\"#d9dde5\"/>")
                    .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y).append("\" dy=\"4\" text-anchor=\"end\">")
                    .append(tick(value)).append("</text>");
        }
        int step = Math.max(1, (int) Math.ceil(xLabels.size() / (double) MAX_X_LABELS));
        for (int i = 0; i < xLabels.size(); i += step) {
            String x = num(x(i));
            svg.append("<line x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"").append(HEIGHT - BOTTOM)
                    .append("\" y2=\"").append(HEIGHT - BOTTOM + 4).append("\" stroke=\"#5d6678\"/>")
                    .append("<text x=\"").append(x).append("\" y=\"").append(HEIGHT - BOTTOM + 18)
                    .append("\" text-anchor=\"middle\">").append(escape(xLabels.get(i))).append("</text>");
        }
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#5d6678\"/></g>");
    }

    private void line(StringBuilder svg, Series s, String colour) {
        svg.append("<g class=\"series\" stroke=\"").append(colour).append("\" fill=\"").append(colour).append("\">");
        List<String> run = new ArrayList<>();
        for (int i = 0; i <= s.values().size(); i++) {
            Double v = i < s.values().size() ? s.values().get(i) : null;
            if (v != null) {
                run.add(num(x(i)) + "," + num(y(v)));
            } else {
                if (run.size() > 1) {
                    svg.append("<polyline fill=\"none\" stroke-width=\"2\" points=\"").append(String.join(" ", run)).append("\"/>");
                }
                run.clear();
            }
        }
        for (int i = 0; i < s.values().size(); i++) {
            Double v = s.values().get(i);
            if (v != null) {
                svg.append("<circle class=\"point\" cx=\"").append(num(x(i))).append("\" cy=\"").append(num(y(v)))
                        .append("\" r=\"3\"><title>").append(escape(s.name() + ", " + xLabels.get(i) + ": "
                                + String.format(Locale.ROOT, "%.3f", v))).append("</title></circle>");
            }
        }
        svg.append("</g>");
    }

    private void legend(StringBuilder svg) {
        svg.append("<g class=\"legend\" font-size=\"12\">");
        int x = LEFT;
        for (int s = 0; s < series.size(); s++) {
            String name = series.get(s).name();
            svg.append("<rect x=\"").append(x).append("\" y=\"10\" width=\"12\" height=\"12\" fill=\"")
                    .append(COLOURS[s % COLOURS.length]).append("\"/><text x=\"").append(x + 16).append("\" y=\"20\" fill=\"#1d2330\">")
                    .append(escape(name)).append("</text>");
            x += 32 + 7 * name.length();
        }
        svg.append("</g>");
    }

    private double x(int index) {
        double plot = WIDTH - LEFT - RIGHT;
        return xLabels.size() == 1 ? LEFT + plot / 2 : LEFT + plot * index / (xLabels.size() - 1);
    }

    /** Values outside the range are drawn at its edge (the tooltip keeps the real figure). */
    private double y(double value) {
        double clamped = Math.max(yMin, Math.min(yMax, value));
        return TOP + (HEIGHT - TOP - BOTTOM) * (yMax - clamped) / (yMax - yMin);
    }

    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** A y tick's figure: at most two decimals, no trailing zeros ("0.25", "0.5", "-1"). */
    private static String tick(double v) {
        return java.math.BigDecimal.valueOf(Math.round(v * 100), 2).stripTrailingZeros().toPlainString();
    }

    /** XML text and attribute escaping; control characters XML 1.0 forbids become U+FFFD. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
