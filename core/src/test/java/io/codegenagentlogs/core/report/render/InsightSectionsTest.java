package io.codegenagentlogs.core.report.render;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.core.report.InsightFixtures;
import io.codegenagentlogs.core.report.Report;
import java.util.List;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Each insight section of the realistic run ({@link InsightFixtures}), in the HTML and Markdown renderers. */
public class InsightSectionsTest {
    private final Report report = InsightFixtures.report();

    private Element section(Document doc, String id) {
        return XmlAssert.byName(doc, "section").stream().filter(e -> id.equals(e.getAttribute("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no section " + id));
    }

    private static List<List<String>> rows(Element table) {
        return XmlAssert.byName(XmlAssert.byName(table, "tbody").get(0), "tr").stream()
                .map(tr -> XmlAssert.byName(tr, "td").stream().map(td -> td.getTextContent().strip()).toList()).toList();
    }

    @Test
    public void htmlPutsTheVerdictFailuresAndAnswerBeforeAnyStatistics() {
        Document doc = XmlAssert.parse(HtmlReportRenderer.renderDocument(report));
        XmlAssert.assertNoActiveContent(doc);
        List<String> ids = XmlAssert.byName(doc, "section").stream().map(e -> e.getAttribute("id")).toList();
        assertEquals(List.of("cal-failures", "cal-final", "cal-run", "cal-changes", "cal-patterns", "cal-time",
                "cal-reasoning", "cal-types", "cal-links", "cal-requests"), ids);
        Element glance = XmlAssert.byName(doc, "dl").get(0);
        assertEquals("cal-meta cal-glance", glance.getAttribute("class"));
        assertEquals(List.of("Failing entries", "Changes", "Time", "Errors", "Loops"),
                XmlAssert.byName(glance, "dt").stream().map(Element::getTextContent).toList());
        assertEquals("the counts are drawn once, not also tabled", 0, XmlAssert.byName(section(doc, "cal-types"), "table").size());
        assertEquals(1, XmlAssert.byName(section(doc, "cal-types"), "svg").size());
    }

    @Test
    public void htmlFailingEntriesShowTheHumanTextWithTheRawJsonFolded() {
        Document doc = XmlAssert.parse(HtmlReportRenderer.renderDocument(report));
        Element failures = section(doc, "cal-failures");
        Element first = XmlAssert.byName(XmlAssert.byName(failures, "tbody").get(0), "tr").get(0);
        List<Element> cells = XmlAssert.byName(first, "td");
        assertEquals("#6", cells.get(0).getTextContent());
        assertEquals("logs.ndjson", XmlAssert.byName(cells.get(0), "a").get(0).getAttribute("href"));
        assertEquals("cal-time", cells.get(1).getAttribute("class"));
        assertEquals("one time format, the same as the run's", "2025-03-04 09:00:33", cells.get(1).getTextContent());
        Element human = XmlAssert.byName(cells.get(4), "div").get(0);
        assertEquals("Command failed with exit code 1\nstderr: Timeout of 5000 ms exceeded in tests/checkout.test.ts:41:7",
                human.getTextContent());
        Element raw = XmlAssert.byName(cells.get(4), "details").get(0);
        assertEquals("Raw JSON", XmlAssert.byName(raw, "summary").get(0).getTextContent());
        assertTrue(XmlAssert.byName(raw, "pre").get(0).getTextContent().startsWith("{\"agent_run_id\":4242,"));
        Element run = section(doc, "cal-run");
        assertTrue(run.getTextContent(), run.getTextContent().contains("Created2025-03-04 09:00:00 UTC"));
        assertTrue(run.getTextContent().contains("First entry2025-03-04 09:00:00 UTC"));
    }

    @Test
    public void htmlFinalAnswerIsTextWithItsPullRequestLinked() {
        Document doc = XmlAssert.parse(HtmlReportRenderer.renderDocument(report));
        Element fin = section(doc, "cal-final");
        Element text = XmlAssert.byName(fin, "div").get(0);
        assertTrue(text.getTextContent().startsWith("Fixed the flaky checkout test: submitOrder raced the mock clock (src/checkout.ts).\nOpened"));
        assertEquals(List.of("https://github.com/acme/shop/pull/78", "https://github.com/acme/shop/pull/78"),
                XmlAssert.byName(text, "a").stream().map(a -> a.getAttribute("href")).toList());
        assertTrue(XmlAssert.byName(fin, "details").get(0).getTextContent().contains("{\"summary\":"));
    }

    @Test
    public void htmlChangesPatternsTimeLoopsAndLinks() {
        Document doc = XmlAssert.parse(HtmlReportRenderer.renderDocument(report));
        Element changes = section(doc, "cal-changes");
        assertEquals(List.of("https://github.com/acme/shop/pull/78"), XmlAssert.byName(XmlAssert.byName(changes, "ul").get(0), "a")
                .stream().map(a -> a.getAttribute("href")).toList());
        assertTrue(changes.getTextContent().contains("1a2b3c4, 5e6f7a8"));
        List<List<String>> changeRows = rows(XmlAssert.byName(changes, "table").get(0));
        assertEquals(11, changeRows.size());
        assertEquals(List.of("#13", "2025-03-04 09:01:30", "file_edit", "src/checkout.ts", ""), changeRows.get(0));
        assertEquals(List.of("#21", "2025-03-04 09:02:43", "create_pull_request", "", "failed"), changeRows.get(6));
        assertEquals("commit 5e6f7a8", changeRows.get(10).get(4));

        List<List<String>> patterns = rows(XmlAssert.byName(section(doc, "cal-patterns"), "table").get(0));
        assertEquals("3", patterns.get(0).get(0));
        assertTrue(patterns.get(0).get(2), patterns.get(0).get(2).startsWith("Command failed with exit code <n>"));

        Element time = section(doc, "cal-time");
        assertEquals(1, XmlAssert.byName(time, "svg").size());
        List<List<String>> tools = rows(XmlAssert.byName(time, "table").get(0));
        assertEquals(List.of("run_command", "10", "3", "4"), tools.get(0).subList(0, 4));
        assertTrue("times are marked approximate", tools.get(0).get(4).startsWith("≈"));
        assertTrue(time.getTextContent().contains("Times are approximate"));
        assertTrue(time.getTextContent().contains("ERROR entries: those of them of type ERROR"));
        List<List<String>> slowest = rows(XmlAssert.byName(time, "table").get(1));
        assertEquals(List.of("#18", "2025-03-04 09:02:00", "run_command", "30s"), slowest.get(0));

        Element loops = section(doc, "cal-reasoning");
        List<List<String>> repeated = rows(XmlAssert.byName(loops, "table").get(0));
        assertEquals(List.of("4 possible loop", "run_command", "{\"command\":\"npm test -- tests/checkout.test.ts\"}", "#5"),
                repeated.get(0));
        assertTrue(loops.getTextContent().contains("Loop rulefail when one identical call is made more than 3 times: broken (4 times)"));

        Element links = section(doc, "cal-links");
        assertEquals("https://app.codegen.com/agent/trace/5551", XmlAssert.byName(links, "a").get(1).getAttribute("href"));
        assertTrue(links.getTextContent().contains("run 5551: relation: pr_review"));
    }

    @Test
    public void markdownHasTheSameSectionsInTheSameOrder() {
        String md = MarkdownRenderer.render(report);
        List<String> headings = md.lines().filter(l -> l.startsWith("### ")).toList();
        assertEquals(List.of("### Failing entries", "### Final answer", "### Run", "### Changes made by the agent",
                "### Failure patterns", "### Tools and where the time went", "### Reasoning and loops", "### Entries by type",
                "### Linked runs", "### Requests"), headings);
        assertTrue(md.contains("**Loops:** 1 possible loop"));
        assertTrue(md.contains("| 6 | 2025-03-04 09:00:33 | ERROR | run\\_command | Command failed with exit code 1 |"));
        assertTrue(md.contains("<details><summary>Entry 6: full text and raw JSON</summary>"));
        assertTrue(md.contains("Pull requests: [https:/\u200B/github.com/acme/shop/pull/78](https://github.com/acme/shop/pull/78)"));
        assertTrue(md.contains("| 19 | 2025-03-04 09:02:30 | run\\_command | git add -A \\&\\& git commit -m 'Fix checkout timer race \\(\\#77\\)' | commit 1a2b3c4 |"));
        assertTrue(md.contains("| 3 | run\\_command | Command failed with exit code \\<n\\> | 6 | Command failed with exit code 1 |"));
        assertTrue(md, md.contains("| run\\_command | 10 | 3 | 4 | ≈"));
        assertTrue(md.contains("| 4 (possible loop) | run\\_command | \\{\\\"command\\\":\\\"npm test -- tests/checkout.test.ts\\\"\\} | 5 |"));
        assertTrue(md.contains("Loop rule: fail above 3 identical calls: **broken** (4)."));
        assertTrue(md.contains("| 18 | 2025-03-04 09:02:00 | run\\_command | 30s |"));
        assertTrue(md.contains("- entry 25: [run 5551](https://app.codegen.com/agent/trace/5551): relation: pr\\_review"));
        assertFalse("the counts table has every type once", md.contains("| ERROR | 4 |\n| ERROR"));
    }
}
