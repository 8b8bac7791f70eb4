package io.codegenagentlogs.core.report.render;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.core.report.Fixtures;
import io.codegenagentlogs.core.report.TrendPoint;
import java.util.List;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

public class TrendChartTest {

    @Test
    public void fourSeriesOnOneBuildAxisEachOnItsOwnScale() {
        List<TrendPoint> points = List.of(
                new TrendPoint("#1", "FAILED", 3, 2L, 34L, 420_000L),
                new TrendPoint("#2", "PASSED", 0, 0L, 300L, 60_000L),
                new TrendPoint("#3", "FAILED", 6, 4L, 10L, 30_000L));
        String svg = TrendChart.render(points);
        Document doc = XmlAssert.parse(svg);
        XmlAssert.assertNoActiveContent(doc);
        XmlAssert.assertNoControlCharacters(svg);
        List<Element> series = XmlAssert.byName(doc, "g");
        assertEquals(List.of("cal-trend-series cal-t-fail", "cal-trend-series cal-t-error", "cal-trend-series cal-t-change",
                "cal-trend-series cal-t-other"), series.stream().map(g -> g.getAttribute("class")).toList());
        // failing entries: 3, 0, 6 on a 0..6 scale: the last dot is at the top, the middle one at the bottom
        List<Element> dots = XmlAssert.byName(series.get(0), "circle");
        assertEquals(3, dots.size());
        double y1 = Double.parseDouble(dots.get(0).getAttribute("cy"));
        double y2 = Double.parseDouble(dots.get(1).getAttribute("cy"));
        double y3 = Double.parseDouble(dots.get(2).getAttribute("cy"));
        assertTrue(y3 < y1 && y1 < y2);
        assertEquals("3 is half of 6", (y2 + y3) / 2, y1, 0.01);
        assertEquals("#3: 6", XmlAssert.byName(dots.get(2), "title").get(0).getTextContent());
        assertEquals("#1: 7m 00s", XmlAssert.byName(XmlAssert.byName(series.get(3), "circle").get(0), "title").get(0).getTextContent());
        assertTrue(XmlAssert.byName(doc, "title").get(0).getTextContent()
                .startsWith("Trend over 3 builds, #1 to #3; latest: 6 failing entries, 4 ERROR entries, 10 actions, agent run 30s"));
    }

    @Test
    public void unknownValuesLeaveGapsNotZeros() {
        List<TrendPoint> points = List.of(
                new TrendPoint("#1", "PASSED", 0, null, null, null),
                new TrendPoint("#2", "FAILED", 1, 1L, 5L, 1000L),
                new TrendPoint("#3", "FAILED", 1, 1L, 6L, 2000L));
        Document doc = XmlAssert.parse(TrendChart.render(points));
        List<Element> series = XmlAssert.byName(doc, "g");
        assertEquals(3, XmlAssert.byName(series.get(0), "circle").size());
        assertEquals("a build from before the numbers were kept has no dot", 2, XmlAssert.byName(series.get(1), "circle").size());
        assertEquals(1, XmlAssert.byName(series.get(1), "polyline").size());
        assertEquals("", TrendChart.render(List.of()));
    }

    @Test
    public void buildNamesAreEscaped() {
        String name = "#1 " + Fixtures.SCRIPT + Fixtures.BIDI;
        String svg = TrendChart.render(List.of(new TrendPoint(name, null, 1, 1L, 1L, 1L), new TrendPoint("#2", null, 0, 0L, 0L, 0L)));
        Document doc = XmlAssert.parse(svg);
        XmlAssert.assertNoActiveContent(doc);
        XmlAssert.assertNoControlCharacters(svg);
        assertTrue(doc.getDocumentElement().getTextContent().contains("#1 <script>alert(1)</script>"));
    }
}
