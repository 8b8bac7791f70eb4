package io.codegenagentlogs.core.report.render;

import static io.codegenagentlogs.core.report.Fixtures.entry;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.gate.Verdict;
import io.codegenagentlogs.core.report.Fixtures;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.RunSummary;
import io.codegenagentlogs.core.report.SummaryAccumulator;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

public class SvgChartsTest {
    private final GatePolicy policy = GatePolicy.defaults();

    private Report report(SummaryAccumulator acc) {
        return Fixtures.report(acc.snapshot(), new GateDecision(Verdict.FAILED, List.of("x"), 0), policy);
    }

    @Test
    public void countsChartHasOneBarPerTypeLargestFirstColouredByClass() {
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        int i = 0;
        for (int k = 0; k < 5; k++) {
            acc.onEntry(i++, entry("ACTION", null, "x", null));
        }
        for (int k = 0; k < 2; k++) {
            acc.onEntry(i++, entry("ERROR", null, "x", null));
        }
        acc.onEntry(i++, entry("FINAL_ANSWER", null, "x", null));
        Document doc = XmlAssert.parse(SvgCharts.countsChart(report(acc)));
        XmlAssert.assertNoActiveContent(doc);
        Element svg = doc.getDocumentElement();
        assertEquals("http://www.w3.org/2000/svg", svg.getNamespaceURI());
        assertEquals("title", XmlAssert.elements(svg).get(1).getTagName());
        assertTrue(XmlAssert.byName(svg, "title").get(0).getTextContent().contains("ACTION 5, ERROR 2, FINAL_ANSWER 1"));
        List<Element> rows = XmlAssert.byName(svg, "g");
        assertEquals(3, rows.size());
        assertTrue(rows.get(0).getAttribute("class").contains("cal-t-other"));
        assertTrue(rows.get(1).getAttribute("class").contains("cal-t-fail"));
        assertTrue(rows.get(2).getAttribute("class").contains("cal-t-final"));
        List<Integer> widths = XmlAssert.byName(svg, "rect").stream()
                .map(r -> Integer.parseInt(r.getAttribute("width"))).collect(Collectors.toList());
        assertEquals(List.of(380, 152, 76), widths);
    }

    @Test
    public void manyTypesAreFoldedIntoOneBar() {
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        for (int i = 0; i < 60; i++) {
            acc.onEntry(i, entry("TYPE_" + i, null, "x", null));
        }
        Document doc = XmlAssert.parse(SvgCharts.countsChart(report(acc)));
        assertEquals(SvgCharts.MAX_BARS, XmlAssert.byName(doc, "g").size());
        assertTrue(doc.getDocumentElement().getTextContent().contains("36 more types"));
    }

    @Test
    public void labelsAreEscapedAndShortened() {
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        acc.onEntry(0, entry("<script>alert(1)</script>" + "\u202E" + "x".repeat(100), null, "x", null));
        String svg = SvgCharts.countsChart(report(acc));
        Document doc = XmlAssert.parse(svg);
        XmlAssert.assertNoActiveContent(doc);
        XmlAssert.assertNoControlCharacters(svg);
        Element label = XmlAssert.byName(doc, "text").get(0);
        assertTrue(label.getTextContent().startsWith("<SCRIPT>ALERT(1)</SCRIPT>"));
        assertTrue(label.getTextContent().length() <= 27);
    }

    @Test
    public void timelinePlacesTicksInLanesAlongTime() {
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        Instant t0 = Instant.parse("2024-01-15T10:00:00Z");
        acc.onEntry(0, entry("ACTION", null, "x", null, null, t0.toString()));
        acc.onEntry(1, entry("ERROR", null, "x", null, null, t0.plusSeconds(50).toString()));
        acc.onEntry(2, entry("FINAL_ANSWER", null, "x", null, null, t0.plusSeconds(100).toString()));
        String svg = SvgCharts.timelineChart(report(acc));
        Document doc = XmlAssert.parse(svg);
        XmlAssert.assertNoActiveContent(doc);
        List<Element> ticks = XmlAssert.byName(doc, "rect").stream()
                .filter(r -> r.getAttribute("class").contains("cal-tick")).toList();
        assertEquals(3, ticks.size());
        double x0 = x(ticks, "cal-t-other");
        double x1 = x(ticks, "cal-t-fail");
        double x2 = x(ticks, "cal-t-final");
        assertEquals("the middle entry is in the middle of the time span", (x0 + x2) / 2, x1, 1.0);
        assertTrue(XmlAssert.byName(doc, "title").get(0).getTextContent()
                .contains("from 2024-01-15 10:00:00 UTC to 2024-01-15 10:01:40 UTC"));
    }

    private static double x(List<Element> ticks, String cls) {
        List<Element> found = ticks.stream().filter(t -> t.getAttribute("class").contains(cls)).toList();
        assertEquals(cls, 1, found.size());
        return Double.parseDouble(found.get(0).getAttribute("x"));
    }

    @Test
    public void everyErrorIsMarkedEvenWhenTheRestIsSampled() {
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        Instant t0 = Instant.parse("2024-01-15T10:00:00Z");
        int n = 5 * SummaryAccumulator.MAX_TIMELINE_POINTS;
        for (int i = 0; i < n; i++) {
            // an ERROR at every odd position past 4001: most of them are not in the sample
            String type = i > 4000 && i % 2 == 1 ? "ERROR" : "ACTION";
            acc.onEntry(i, entry(type, null, "x", null, null, t0.plusSeconds(i).toString()));
        }
        RunSummary s = acc.snapshot();
        assertTrue(s.timelineStride() > 1);
        long errors = s.count("ERROR");
        Document doc = XmlAssert.parse(SvgCharts.timelineChart(report(acc)));
        long marked = XmlAssert.byName(doc, "rect").stream().filter(r -> r.getAttribute("class").contains("cal-t-fail")).count();
        assertEquals(errors, marked);
        assertTrue(XmlAssert.byName(doc, "title").get(0).getTextContent().contains(errors + " failing or ERROR entries marked"));
    }

    @Test
    public void timelineFallsBackToPositionWithoutTimestamps() {
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        for (int i = 0; i < 4; i++) {
            acc.onEntry(i, entry("ACTION", null, "x", null, null, null));
        }
        Document doc = XmlAssert.parse(SvgCharts.timelineChart(report(acc)));
        assertTrue(XmlAssert.byName(doc, "title").get(0).getTextContent().contains("by position"));
        assertEquals("", SvgCharts.timelineChart(report(new SummaryAccumulator(policy))));
        assertEquals("", SvgCharts.countsChart(report(new SummaryAccumulator(policy))));
    }

    @Test
    public void cssStylesEveryChartClass() {
        String css = ReportStylesheet.text();
        for (String cls : List.of(".cal-t-fail", ".cal-t-final", ".cal-t-other", ".cal-bar", ".cal-tick", ".cal-lane",
                ".cal-verdict-passed", ".cal-verdict-failed", ".cal-report")) {
            assertTrue(cls, css.contains(cls));
        }
    }
}
