package io.codegenagentlogs.core.report.render;

import static io.codegenagentlogs.core.report.Fixtures.CDATA_END;
import static io.codegenagentlogs.core.report.Fixtures.CLOSE_TESTCASE;
import static io.codegenagentlogs.core.report.Fixtures.entry;
import static io.codegenagentlogs.core.report.Fixtures.str;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.gate.Verdict;
import io.codegenagentlogs.core.report.Fixtures;
import io.codegenagentlogs.core.report.InsightFixtures;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.SummaryAccumulator;
import java.util.List;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

public class JUnitXmlRendererTest {

    private static Element suite(Document doc) {
        List<Element> suites = XmlAssert.byName(doc, "testsuite");
        assertEquals(1, suites.size());
        return suites.get(0);
    }

    private static List<Element> cases(Document doc) {
        return XmlAssert.byName(doc, "testcase");
    }

    @Test
    public void passingRunIsTwoPassingTestCases() {
        GatePolicy policy = GatePolicy.defaults();
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        acc.onRun(Fixtures.run("COMPLETE"));
        acc.onEntry(0, entry("ACTION", "t", "x", str("y")));
        Report r = Fixtures.report(acc.snapshot(), new GateDecision(Verdict.PASSED, List.of("all good"), 0), policy);
        Document doc = XmlAssert.parse(JUnitXmlRenderer.render(r));
        Element suite = suite(doc);
        assertEquals("codegen-agent-run-12345", suite.getAttribute("name"));
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals("95.000", suite.getAttribute("time"));
        assertEquals("2024-01-15T10:33:25", suite.getAttribute("timestamp"));
        List<Element> cases = cases(doc);
        assertEquals(List.of("gate", "run status"), cases.stream().map(c -> c.getAttribute("name")).toList());
        assertEquals(0, XmlAssert.byName(doc, "failure").size());
        assertTrue(XmlAssert.byName(doc, "property").stream()
                .anyMatch(p -> p.getAttribute("name").equals("count.ACTION") && p.getAttribute("value").equals("1")));
    }

    @Test
    public void hostileFailingEntriesAreFailedTestCasesWithTextIntact() {
        Report r = Fixtures.hostileReport("");
        String xml = JUnitXmlRenderer.render(r);
        XmlAssert.assertNoControlCharacters(xml);
        Document doc = XmlAssert.parse(xml);
        Element suite = suite(doc);
        // gate + run status + 3 failing entries
        assertEquals("5", suite.getAttribute("tests"));
        // the 3 failing entries fail; the gate passes (they show why it failed); the hostile status is not a
        // failure phase, so the run status is skipped as unfinished
        assertEquals("3", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        List<Element> cases = cases(doc);
        assertEquals(5, cases.size());
        Element pr = cases.get(4);
        assertTrue(pr.getAttribute("name"), pr.getAttribute("name").startsWith("#4 PR_CREATION_FAILED | a | b |"));
        Element failure = XmlAssert.byName(pr, "failure").get(0);
        assertEquals(CLOSE_TESTCASE + CDATA_END, failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains(CLOSE_TESTCASE + CDATA_END));
        assertEquals("PR_CREATION_FAILED", failure.getAttribute("type"));
        Element gate = cases.get(0);
        assertEquals(0, XmlAssert.byName(gate, "failure").size());
        assertTrue(XmlAssert.byName(gate, "system-out").get(0).getTextContent().contains("<script>alert(1)</script>"));
        assertTrue(cases.get(2).getAttribute("name").startsWith("#2 ERROR file_write\"><img src=x onerror=alert(1)>"));
    }

    @Test
    public void failedRunStatusFailsOnlyWhenThePolicySaysSo() {
        for (boolean failOnStatus : new boolean[] {true, false}) {
            GatePolicy policy = GatePolicy.builder().failOnRunStatus(failOnStatus).build();
            SummaryAccumulator acc = new SummaryAccumulator(policy);
            acc.onRun(Fixtures.run("ERROR"));
            Report r = Fixtures.report(acc.snapshot(), new GateDecision(Verdict.FAILED, List.of("status"), 0), policy);
            Document doc = XmlAssert.parse(JUnitXmlRenderer.render(r));
            Element status = cases(doc).get(1);
            assertEquals("run status", status.getAttribute("name"));
            assertEquals(failOnStatus ? 1 : 0, XmlAssert.byName(status, "failure").size());
        }
    }

    @Test
    public void errorAndTimeoutAreErrorsNotFailures() {
        GatePolicy policy = GatePolicy.defaults();
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        acc.onRun(Fixtures.run("RUNNING"));
        Report r = Fixtures.report(acc.snapshot(), new GateDecision(Verdict.TIMED_OUT, List.of("timeout after 30m"), 0),
                policy);
        Document doc = XmlAssert.parse(JUnitXmlRenderer.render(r));
        assertEquals("1", suite(doc).getAttribute("errors"));
        assertEquals("timeout after 30m", XmlAssert.byName(doc, "error").get(0).getAttribute("message"));
        assertEquals(1, XmlAssert.byName(cases(doc).get(1), "skipped").size());
    }

    @Test
    public void toleratedEntriesAreSkippedAndUnlistedOnesCounted() {
        GatePolicy tolerant = GatePolicy.builder().maxFailures(500).build();
        SummaryAccumulator acc = new SummaryAccumulator(tolerant);
        acc.onRun(Fixtures.run("COMPLETE"));
        for (int i = 0; i < 150; i++) {
            acc.onEntry(i, entry("ERROR", "t", null, str("e" + i)));
        }
        Report r = Fixtures.report(acc.snapshot(), new GateDecision(Verdict.PASSED, List.of("tolerated"), 150), tolerant);
        Document doc = XmlAssert.parse(JUnitXmlRenderer.render(r));
        assertEquals("0", suite(doc).getAttribute("failures"));
        assertEquals("101", suite(doc).getAttribute("skipped"));
        assertEquals("103", suite(doc).getAttribute("tests"));

        GatePolicy strict = GatePolicy.defaults();
        Report failed = Fixtures.report(acc.snapshot(), new GateDecision(Verdict.FAILED, List.of("150"), 150), strict);
        Document doc2 = XmlAssert.parse(JUnitXmlRenderer.render(failed));
        assertEquals("the 100 listed entries and the case for the other 50", "101", suite(doc2).getAttribute("failures"));
        assertEquals("50 more failing entries", cases(doc2).get(102).getAttribute("name"));
    }

    @Test
    public void failedTestCasesTellTheSummarysStory() {
        Report r = InsightFixtures.report();
        Document doc = XmlAssert.parse(JUnitXmlRenderer.render(r));
        Element suite = suite(doc);
        List<String> names = cases(doc).stream().map(c -> c.getAttribute("name")).toList();
        assertEquals(List.of("gate", "run status", "identical tool calls", "#6 ERROR run_command", "#8 ERROR run_command",
                "#10 ERROR run_command", "#22 PR_CREATION_FAILED", "#32 ERROR web_search"), names);
        assertEquals("one failed case per failing entry (5), and one for the loop rule", "6", suite.getAttribute("failures"));
        assertEquals(r.summary().failureTotal(), cases(doc).stream().filter(c -> c.getAttribute("name").startsWith("#"))
                .filter(c -> !XmlAssert.byName(c, "failure").isEmpty()).count());
        assertEquals("the gate's case shows the verdict without counting it again", 0,
                XmlAssert.byName(cases(doc).get(0), "failure").size());
        Element loop = XmlAssert.byName(cases(doc).get(2), "failure").get(0);
        assertEquals("the same run_command call (same input) was made 4 times; the policy allows 3", loop.getAttribute("message"));
        Element first = XmlAssert.byName(cases(doc).get(3), "failure").get(0);
        assertEquals("the human message, not the JSON", "Command failed with exit code 1", first.getAttribute("message"));
        assertTrue(first.getTextContent().contains("stderr: Timeout of 5000 ms exceeded in tests/checkout.test.ts:41:7"));
        assertTrue("the raw JSON is kept in the body", first.getTextContent().contains("raw JSON: {\"agent_run_id\":4242"));
        assertTrue(XmlAssert.byName(doc, "property").stream()
                .anyMatch(p -> p.getAttribute("name").equals("failing_entries") && p.getAttribute("value").equals("5")));
    }

    @Test
    public void aFailedVerdictWithNoFailingCaseFailsTheGateCase() {
        GatePolicy policy = GatePolicy.defaults();
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        acc.onRun(Fixtures.run("COMPLETE"));
        Report r = Fixtures.report(acc.snapshot(), new GateDecision(Verdict.FAILED, List.of("a rule of the future"), 0), policy);
        Document doc = XmlAssert.parse(JUnitXmlRenderer.render(r));
        assertEquals("1", suite(doc).getAttribute("failures"));
        assertEquals("a rule of the future", XmlAssert.byName(cases(doc).get(0), "failure").get(0).getAttribute("message"));
    }
}
