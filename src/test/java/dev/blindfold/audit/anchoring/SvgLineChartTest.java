package dev.blindfold.audit.anchoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgLineChartTest {

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void chartIsWellFormedAccessibleSvgWithADotPerValueAndALegend() throws Exception {
        String svg = new SvgLineChart("c1", "Alpha per week", -1, 1, List.of("2026-W02", "2026-W03", "2026-W04"))
                .series("blind", Arrays.asList(0.5, null, -0.2))
                .series("final", Arrays.asList(0.8, 0.9, 1.0)).render();
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("img", root.getAttribute("role"));
        assertEquals("c1-title", root.getAttribute("aria-labelledby"));
        assertEquals("Alpha per week", doc.getElementsByTagName("title").item(0).getTextContent());
        assertEquals(5, doc.getElementsByTagName("circle").getLength(), "one dot per non-null value");
        assertEquals(1, doc.getElementsByTagName("polyline").getLength(),
                "the blind line breaks at its gap (single points stay dots); final is one line");
        assertTrue(svg.contains(">blind</text>") && svg.contains(">final</text>"), "legend names both series");
        assertTrue(svg.contains(">2026-W03</text>"), "x ticks name the weeks");
        assertTrue(svg.contains(">-0.5</text>") && svg.contains(">1</text>"), "y ticks span the range");
    }

    @Test
    void textIsEscaped() throws Exception {
        String nasty = "<script>alert('x')</script> & \"quotes\"\u0001";
        String svg = new SvgLineChart("c\"2", nasty, 0, 1, List.of(nasty)).series(nasty, List.of(0.5)).render();
        Document doc = parse(svg);
        assertTrue(!svg.contains("<script>"));
        assertEquals(nasty.replace('\u0001', '\uFFFD'), doc.getElementsByTagName("title").item(0).getTextContent());
        assertEquals("c\"2-title", doc.getDocumentElement().getAttribute("aria-labelledby"));
    }

    @Test
    void noValuesShowTheEmptyState() throws Exception {
        for (String svg : List.of(new SvgLineChart("e", "Empty", 0, 1, List.of()).series("s", List.of()).render(),
                new SvgLineChart("e", "Only gaps", 0, 1, List.of("2026-W02")).series("s", Arrays.asList((Double) null)).render())) {
            Document doc = parse(svg);
            assertEquals(0, doc.getElementsByTagName("circle").getLength());
            assertEquals("No labels yet", doc.getElementsByTagName("text").item(0).getTextContent());
        }
    }

    @Test
    void seriesMustMatchTheXAxis() {
        assertThrows(IllegalArgumentException.class,
                () -> new SvgLineChart("x", "t", 0, 1, List.of("a", "b")).series("s", List.of(0.1)));
    }

    @Test
    void driftChartsPlotEveryWeek() throws Exception {
        DriftCharts charts = DriftCharts.of(AnchoringStatisticsTest.report().drift());
        assertEquals(2, parse(charts.alpha()).getElementsByTagName("circle").getLength(), "blind and final alpha of W02; no pairs later");
        assertEquals(2, parse(charts.accepted()).getElementsByTagName("circle").getLength(), "W02 and W04; W03 is empty");
        assertEquals(2, parse(charts.similarity()).getElementsByTagName("circle").getLength());
    }
}
