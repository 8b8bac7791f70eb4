package io.codegenagentlogs.core.report.render;

import static io.codegenagentlogs.core.report.Fixtures.CDATA_END;
import static io.codegenagentlogs.core.report.Fixtures.CLOSE_TESTCASE;
import static io.codegenagentlogs.core.report.Fixtures.IMG;
import static io.codegenagentlogs.core.report.Fixtures.SCRIPT;
import static io.codegenagentlogs.core.report.Fixtures.entry;
import static io.codegenagentlogs.core.report.Fixtures.str;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.gate.Verdict;
import io.codegenagentlogs.core.report.Fixtures;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.SummaryAccumulator;
import java.util.List;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

public class HtmlReportRendererTest {

    @Test
    public void hostileDocumentIsWellFormedAndInert() {
        Report r = Fixtures.hostileReport("");
        String html = HtmlReportRenderer.renderDocument(r);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        XmlAssert.assertNoControlCharacters(html);
        Document doc = XmlAssert.parse(html);
        XmlAssert.assertNoActiveContent(doc);

        List<Element> links = XmlAssert.byName(doc, "link");
        assertEquals(1, links.size());
        assertEquals("stylesheet", links.get(0).getAttribute("rel"));
        assertEquals("report.css", links.get(0).getAttribute("href"));
        assertEquals("no javascript: URL makes a link; a URL followed by markup links only its clean http(s) prefix",
                java.util.Set.of("https://github.com/a/b/pull/1", "https://x.example/run/7"),
                XmlAssert.byName(doc, "a").stream().map(a -> a.getAttribute("href"))
                        .filter(h -> !h.startsWith("#cal-") && !h.equals("logs.ndjson")).collect(java.util.stream.Collectors.toSet()));

        String text = doc.getDocumentElement().getTextContent();
        assertTrue("agent text shows as text", text.contains(SCRIPT));
        assertTrue(text.contains(IMG));
        assertTrue(text.contains(CDATA_END));
        assertTrue(text.contains(CLOSE_TESTCASE));
        assertTrue("the withheld URL is still shown as text", text.contains("javascript:alert(document.cookie)"));
        assertFalse("ANSI escapes are gone", text.contains("\u001b"));
        assertEquals("what is left of a colour code is JSON escape text of an object observation, not a sequence",
                count(text, "[31m"), count(text, "\\u001b[31m"));
        assertFalse(text.contains("\u202E"));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    public void finalAnswerKeepsItsLinesAsText() {
        Report r = Fixtures.hostileReport("");
        Document doc = XmlAssert.parse(HtmlReportRenderer.renderDocument(r));
        Element answer = XmlAssert.byName(doc, "div").stream()
                .filter(e -> e.getAttribute("class").contains("cal-final-answer")).findFirst().orElseThrow();
        assertTrue(answer.getTextContent().contains("line1\nline2\nline3\nline4"));
        assertTrue(answer.getTextContent().contains(SCRIPT));
        assertEquals("only the clean prefix of the look-alike PR URL is a link, the markup after it is text",
                List.of("https://github.com/a/b/pull/1"), XmlAssert.byName(answer, "a").stream().map(a -> a.getAttribute("href")).toList());
        assertTrue(answer.getTextContent().contains("https://github.com/a/b/pull/1\"><script>alert(1)</script>"));
    }

    @Test
    public void fragmentIsOneDivWithEverySection() {
        Report r = Fixtures.hostileReport("");
        String fragment = HtmlReportRenderer.renderFragment(r);
        assertFalse(fragment.contains("<html"));
        assertFalse(fragment.contains("<link"));
        Document doc = XmlAssert.parse(fragment);
        XmlAssert.assertNoActiveContent(doc);
        Element root = doc.getDocumentElement();
        assertEquals("div", root.getTagName());
        assertTrue(root.getAttribute("class").contains("cal-report"));
        assertTrue(root.getAttribute("class").contains("cal-verdict-failed"));
        List<String> headings = XmlAssert.byName(doc, "h2").stream().map(Element::getTextContent).toList();
        assertEquals(List.of("Failing entries", "Final answer", "Run", "Changes made by the agent", "Failure patterns",
                "Where the time went", "Reasoning and loops", "Entries by type", "Linked runs", "Requests", "Anomalies"),
                headings);
        assertEquals("two charts", 2, XmlAssert.byName(doc, "svg").size());
        List<String> contents = XmlAssert.byName(XmlAssert.byName(doc, "nav").get(0), "a").stream()
                .map(Element::getTextContent).toList();
        assertEquals("the contents list every section", headings, contents);
    }

    @Test
    public void httpsRunUrlBecomesASafeLink() {
        GatePolicy policy = GatePolicy.defaults();
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        acc.onRun(new RunInfo(7, 8, "COMPLETE", null, "https://app.codegen.com/agent/trace/7?a=1&b=\"2\"", null));
        acc.onEntry(0, entry("ACTION", "t", "x", str("y")));
        Report r = Fixtures.report(acc.snapshot(), new GateDecision(Verdict.PASSED, List.of("fine"), 0), policy);
        Document doc = XmlAssert.parse(HtmlReportRenderer.renderDocument(r));
        XmlAssert.assertNoActiveContent(doc);
        List<Element> a = XmlAssert.byName(doc, "a").stream().filter(e -> e.getAttribute("href").startsWith("http")).toList();
        assertEquals(1, a.size());
        assertEquals("https://app.codegen.com/agent/trace/7?a=1&b=\"2\"", a.get(0).getAttribute("href"));
        assertTrue(a.get(0).getAttribute("rel").contains("noopener"));
        assertTrue(XmlAssert.byName(doc, "title").get(0).getTextContent().contains("PASSED"));
    }

    @Test
    public void emptyRunRendersWithoutSectionsThatHaveNothingToShow() {
        GatePolicy policy = GatePolicy.defaults();
        Report r = Fixtures.report(new SummaryAccumulator(policy).snapshot(),
                new GateDecision(Verdict.ERROR, List.of("no answer from the API"), 0), policy);
        Document doc = XmlAssert.parse(HtmlReportRenderer.renderDocument(r));
        XmlAssert.assertNoActiveContent(doc);
        assertEquals(0, XmlAssert.byName(doc, "svg").size());
        assertTrue(doc.getDocumentElement().getTextContent().contains("No log entries."));
        assertTrue(doc.getDocumentElement().getTextContent().contains("Gate ERROR"));
    }

    @Test
    public void hugeInputStaysBounded() {
        Report r = Fixtures.hostileReport(Fixtures.big(2_000_000));
        String html = HtmlReportRenderer.renderDocument(r);
        XmlAssert.assertNoActiveContent(XmlAssert.parse(html));
        assertTrue("size " + html.length(), html.length() < 1_500_000);
    }
}
