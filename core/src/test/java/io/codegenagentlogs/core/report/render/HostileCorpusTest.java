package io.codegenagentlogs.core.report.render;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.internal.Streams;
import com.google.gson.stream.JsonReader;
import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.console.ConsolePrinter;
import io.codegenagentlogs.core.hostile.DisplayChecks;
import io.codegenagentlogs.core.hostile.HostileCorpus;
import io.codegenagentlogs.core.hostile.HostileCorpus.Payload;
import io.codegenagentlogs.core.hostile.HostileReports;
import io.codegenagentlogs.core.hostile.HtmlChecks;
import io.codegenagentlogs.core.hostile.MarkdownChecks;
import io.codegenagentlogs.core.report.FailureDetail;
import io.codegenagentlogs.core.report.NdjsonLogWriter;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.SafeText;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.node.Node;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every renderer against every payload of the hostile corpus, each payload in every piece of agent
 * text a report holds. Properties, per renderer:
 * <ul>
 *   <li>report.html and its fragment: well-formed, inert vocabulary, links only http(s), the payload shows as text;</li>
 *   <li>summary.md: no raw HTML (but our own folding {@code <details>}), no image, links only http(s),
 *       no mention, tables intact, no heading, rule, quote, list or code block more than with harmless
 *       text, the payload shows as text;</li>
 *   <li>junit.xml: well-formed, its own vocabulary, counts that match, the payload shows as text;</li>
 *   <li>summary.json: strict JSON, HTML-safe, every string exactly as sent;</li>
 *   <li>console lines: one line per event, no control or invisible character, no workflow command;</li>
 *   <li>logs.ndjson: byte for byte what the server sent.</li>
 * </ul>
 * Failures are collected over the whole corpus and reported together.
 */
public class HostileCorpusTest {
    private static final List<Payload> CORPUS = HostileCorpus.load();
    private static final Set<String> JUNIT_ELEMENTS = Set.of("testsuites", "testsuite", "properties", "property", "testcase",
            "failure", "error", "skipped", "system-out", "system-err");

    /** One report per payload, built once for all the tests (the 1 MiB ones take a while). */
    private static final java.util.Map<String, Report> REPORTS = new java.util.concurrent.ConcurrentHashMap<>();

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void corpusCoversEveryCategoryOfTheIssue() {
        Set<String> categories = new java.util.TreeSet<>();
        CORPUS.forEach(p -> categories.add(p.category()));
        assertEquals(Set.of("html", "css", "markdown", "workflow", "terminal", "unicode", "size"), categories);
        assertTrue(CORPUS.size() > 150);
        assertTrue(CORPUS.stream().anyMatch(p -> p.text().length() >= HostileCorpus.MIB && p.text().indexOf('\n') < 0));
        assertTrue(CORPUS.stream().anyMatch(p -> p.text().codePoints().anyMatch(cp -> cp >= 0xE0000 && cp <= 0xE007F)));
        assertTrue(CORPUS.stream().anyMatch(p -> p.text().contains("\u001b]8;;")));
        assertTrue(CORPUS.stream().anyMatch(p -> p.text().startsWith("::add-mask::")));
    }

    @Test
    public void html() {
        forEachPayload(HostileCorpusTest::checkHtml);
    }

    static void checkHtml(Payload p, Report r) {
        String where = p.id() + " in report.html";
        Document doc = HtmlChecks.assertInert(HtmlReportRenderer.renderDocument(r), where);
        assertShownAsText(p, HtmlChecks.text(doc), where);
        Document fragment = HtmlChecks.assertInert(HtmlReportRenderer.renderFragment(r), p.id() + " in the report fragment");
        assertEquals(where, "div", HtmlChecks.name(fragment.getDocumentElement()));
    }

    @Test
    public void markdown() {
        forEachPayload(HostileCorpusTest::checkMarkdown);
    }

    static void checkMarkdown(Payload p, Report r) {
        String where = p.id() + " in summary.md";
        String md = MarkdownRenderer.render(r);
        Node doc = MarkdownChecks.assertInert(md, where);
        assertTrue(where + ": within GitHub's 1 MiB", md.getBytes(StandardCharsets.UTF_8).length <= MarkdownRenderer.MAX_BYTES);
        if (!p.category().equals("size")) {
            assertShownAsText(p, MarkdownChecks.text(doc), where);
            Node twin = MarkdownChecks.parse(MarkdownRenderer.render(HostileReports.report(harmless(p.text()))));
            assertEquals(where + ": blocks text could forge", MarkdownChecks.forgeableBlocks(twin), MarkdownChecks.forgeableBlocks(doc));
        }
    }

    @Test
    public void junitXml() {
        forEachPayload(HostileCorpusTest::checkJunitXml);
    }

    static void checkJunitXml(Payload p, Report r) {
        String where = p.id() + " in junit.xml";
        String xml = JUnitXmlRenderer.render(r);
        Document doc = HtmlChecks.parse(xml, where);
        DisplayChecks.assertDisplaySafe(xml, DisplayChecks.Allow.LINES, where);
        List<Element> all = HtmlChecks.elements(doc);
        for (Element e : all) {
            assertTrue(where + ": element " + e.getTagName(), JUNIT_ELEMENTS.contains(e.getTagName()));
        }
        Element suite = doc.getDocumentElement();
        assertEquals(where, "testsuites", suite.getTagName());
        assertEquals(where + ": tests", count(all, "testcase"), Integer.parseInt(suite.getAttribute("tests")));
        assertEquals(where + ": failures", count(all, "failure"), Integer.parseInt(suite.getAttribute("failures")));
        assertEquals(where + ": errors", count(all, "error"), Integer.parseInt(suite.getAttribute("errors")));
        assertEquals(where + ": skipped", count(all, "skipped"), Integer.parseInt(suite.getAttribute("skipped")));
        StringBuilder attributes = new StringBuilder();
        for (Element e : all) {
            attributes.append(' ').append(e.getAttribute("message")).append(' ').append(e.getAttribute("name"));
        }
        assertShownAsText(p, DisplayChecks.squeeze(attributes + " " + doc.getDocumentElement().getTextContent()), where);
    }

    @Test
    public void summaryJson() {
        forEachPayload(HostileCorpusTest::checkSummaryJson);
    }

    static void checkSummaryJson(Payload p, Report r) {
        String where = p.id() + " in summary.json";
        String json = JsonSummaryRenderer.render(r);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if ("<>&'=".indexOf(c) >= 0 || (c < 0x20 && c != '\n') || c == '\u2028' || c == '\u2029'
                    || (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < json.length()
                    && Character.isLowSurrogate(json.charAt(++i))))) {
                fail(where + ": raw U+" + String.format("%04X", (int) c) + " at " + i);
            }
        }
        JsonObject o = strict(json, where).getAsJsonObject();
        assertEquals(where + ": result as sent", r.run().result(), o.getAsJsonObject("run").get("result").getAsString());
        assertEquals(where + ": status as sent", r.run().status().raw(), o.getAsJsonObject("run").get("status_raw").getAsString());
        assertEquals(where + ": reason as sent", p.text(), o.getAsJsonArray("reasons").get(1).getAsString());
        assertEquals(where + ": final answer as kept", r.summary().finalAnswer(), o.get("final_answer").getAsString());
        JsonArray failures = o.getAsJsonObject("failures").getAsJsonArray("entries");
        for (int i = 0; i < failures.size(); i++) {
            FailureDetail f = r.summary().failures().get(i);
            JsonObject e = failures.get(i).getAsJsonObject();
            assertEquals(where, f.message(), e.get("message").getAsString());
            assertEquals(where, f.tool(), e.get("tool").isJsonNull() ? null : e.get("tool").getAsString());
        }
        assertEquals(where + ": anomaly as sent", p.text(),
                o.getAsJsonObject("anomalies").getAsJsonArray("entries").get(0).getAsJsonObject().get("message").getAsString());
    }

    @Test
    public void consoleLines() {
        forEachPayload(HostileCorpusTest::checkConsole);
    }

    static void checkConsole(Payload p, Report r) {
        String where = p.id() + " on the console";
        List<String> lines = consoleLines(p.text());
        assertEquals(where + ": one line per event", 1 + 7 + 1 + 1 + 1 + 1, lines.size());
        for (String line : lines) {
            DisplayChecks.assertDisplaySafe(line, DisplayChecks.Allow.ONE_LINE, where);
            String start = line.stripLeading();
            assertFalse(where + ": a workflow command: " + line, start.startsWith("::") || start.startsWith("##"));
            assertTrue(where + ": a bounded line", line.length() <= 2100);
        }
        assertShownAsText(p, String.join(" ", lines), where);
    }

    @Test
    public void ndjsonIsByteExact() throws Exception {
        Path file = tmp.newFile("logs.ndjson").toPath();
        StringBuilder expected = new StringBuilder();
        long index = 0;
        try (NdjsonLogWriter w = NdjsonLogWriter.open(file, 0)) {
            for (Payload p : CORPUS) {
                for (String raw : HostileReports.rawEntries(p.text())) {
                    w.onEntry(index++, io.codegenagentlogs.core.api.EntryDecoder.decode(raw));
                    expected.append(raw).append('\n');
                }
            }
        }
        byte[] want = expected.toString().getBytes(StandardCharsets.UTF_8);
        byte[] got = Files.readAllBytes(file);
        assertEquals(want.length, got.length);
        assertTrue("logs.ndjson differs from what was received", java.util.Arrays.equals(want, got));
    }

    @Test
    public void theChecksCatchWhatAnEscaperMisses() {
        for (String html : List.of("<div><script>alert(1)</script></div>", "<div><img src=\"x\" onerror=\"alert(1)\"/></div>",
                "<div title=\"\" onmouseover=\"alert(1)\"></div>", "<div><a href=\"javascript:alert(1)\">x</a></div>",
                "<div><b>unclosed</div>", "<div>a\u202Eb</div>", "<div><svg><use href=\"#x\"/></svg></div>")) {
            assertCaught(() -> HtmlChecks.assertInert(html, "test"), html);
        }
        for (String md : List.of("<b>x</b>", "[x](javascript:alert(1))", "![i](https://e/x.png)", "hi @octocat", "| a | b |\n| --- | --- |\n| x | y | z |", "a\u001b[31mb", "mail admin@evil.example")) {
            assertCaught(() -> MarkdownChecks.assertInert(md, "test"), md);
        }
        assertEquals("a bare URL is a link to GitHub", 1, MarkdownChecks.links(MarkdownChecks.parse("see https://evil.example")).size());
        for (String line : List.of("a\u001b[31mb", "a\u200Bb", "a\tb", "a\uDB40\uDC41b", "a\uD800b", "a\u0085b")) {
            assertCaught(() -> DisplayChecks.assertDisplaySafe(line, DisplayChecks.Allow.ONE_LINE, "test"), line);
        }
    }

    private static void assertCaught(Runnable check, String input) {
        try {
            check.run();
        } catch (AssertionError expected) {
            return;
        }
        fail("the check let through: " + DisplayChecks.visible(input));
    }

    /** The console as every surface prints it: run, entries, a wait, a retry, an anomaly, the verdict. */
    static List<String> consoleLines(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ConsolePrinter printer = new ConsolePrinter(out, HostileReports.POLICY);
        printer.onRun(HostileReports.run(text));
        List<LogEntry> entries = HostileReports.entries(text);
        for (int i = 0; i < entries.size(); i++) {
            printer.onEntry(i, entries.get(i));
        }
        printer.onWaiting(HostileReports.run(text), 7, 9, Duration.ofSeconds(10));
        printer.onRetry(text, 1, Duration.ofSeconds(2));
        printer.onAnomaly(HostileReports.anomaly(text));
        printer.printVerdict(HostileReports.decision(text));
        String all = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(all.endsWith(System.lineSeparator()));
        return List.of(all.substring(0, all.length() - System.lineSeparator().length()).split(System.lineSeparator(), -1));
    }

    private static final java.util.regex.Pattern REPEATS = java.util.regex.Pattern.compile("\\[U\\+([0-9A-F]+) x\\d*");

    /** The first characters of the payload, as SafeText shows them, are in the output's text. */
    static void assertShownAsText(Payload p, String text, String where) {
        String expected = SafeText.oneLine(p.text(), 24);
        if (expected.endsWith("\u2026")) {
            expected = expected.substring(0, expected.length() - 1);
        }
        expected = DisplayChecks.squeeze(expected);
        // the tail may be cut at another point by renderers with other limits: compare the first 16
        int end = Math.min(expected.length(), 16);
        if (end > 0 && Character.isHighSurrogate(expected.charAt(end - 1))) {
            end--;
        }
        expected = expected.substring(0, end);
        // a marker's repeat count depends on how much of the text a renderer scans
        expected = REPEATS.matcher(expected).replaceAll("[U+$1 x");
        text = REPEATS.matcher(text).replaceAll("[U+$1 x");
        if (!expected.isBlank() && !text.contains(expected)) {
            fail(where + ": the payload's text " + DisplayChecks.visible(expected) + " is not shown as text");
        }
    }

    /** The same length of harmless text. */
    static String harmless(String text) {
        return "x".repeat(Math.max(1, text.length()));
    }

    private static JsonElement strict(String json, String where) {
        try {
            JsonReader reader = new JsonReader(new StringReader(json));
            reader.setStrictness(Strictness.STRICT);
            JsonElement e = Streams.parse(reader);
            assertEquals(where + ": one JSON value", com.google.gson.stream.JsonToken.END_DOCUMENT, reader.peek());
            return e;
        } catch (Exception e) {
            throw new AssertionError(where + ": not strict JSON: " + e.getMessage(), e);
        }
    }

    private static long count(List<Element> all, String tag) {
        return all.stream().filter(e -> e.getTagName().equals(tag)).count();
    }

    /** One renderer's properties for one payload in a report. */
    interface Check {
        void check(Payload p, Report r) throws Exception;
    }

    /** Every renderer's check, for the fuzz test. */
    static List<Check> checks() {
        return List.of(HostileCorpusTest::checkHtml, HostileCorpusTest::checkMarkdown, HostileCorpusTest::checkJunitXml,
                HostileCorpusTest::checkSummaryJson, HostileCorpusTest::checkConsole);
    }

    /** Runs the check for every payload (reports built once per test) and fails with all that failed. */
    private static void forEachPayload(Check check) {
        List<String> failures = new ArrayList<>();
        for (Payload p : CORPUS) {
            try {
                check.check(p, REPORTS.computeIfAbsent(p.id(), id -> HostileReports.report(p.text())));
            } catch (AssertionError | Exception e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + CORPUS.size() + " payloads broke through:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(40, failures.size()))));
        }
    }
}
