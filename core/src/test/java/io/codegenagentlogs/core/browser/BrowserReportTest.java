package io.codegenagentlogs.core.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import io.codegenagentlogs.core.api.EntryDecoder;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.Verdict;
import io.codegenagentlogs.core.hostile.HostileCorpus;
import io.codegenagentlogs.core.hostile.HostileCorpus.Payload;
import io.codegenagentlogs.core.hostile.HostileReports;
import io.codegenagentlogs.core.hostile.JsonWire;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.ReportFiles;
import io.codegenagentlogs.core.report.SummaryAccumulator;
import io.codegenagentlogs.core.report.render.HtmlReportRenderer;
import io.codegenagentlogs.core.report.render.ReportStylesheet;
import io.codegenagentlogs.core.watch.Anomaly;
import io.codegenagentlogs.core.watch.RequestStats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * report.html, filled with the hostile corpus, in a real browser (headless Chromium) served the way
 * Jenkins serves artifacts (its default CSP). Nothing may run and nothing may load but the page and
 * its stylesheet: a payload that ran would change the title, one that loaded would hit the server,
 * and our own markup must cause no CSP violation. The screenshot stays in
 * {@code core/target/browser/report.png}. Without a browser the test is skipped, saying so.
 */
public class BrowserReportTest {
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
    private static Chromium chromium;
    private static Path dir;

    @BeforeClass
    public static void findBrowser() throws Exception {
        chromium = Chromium.find();
        if (chromium == null) {
            System.err.println("BrowserReportTest SKIPPED: no chromium on PATH (apt-get install chromium, as .ci/run does) and CHROMIUM not set");
        }
        Assume.assumeTrue("no chromium on PATH (apt-get install chromium, as .ci/run does) and CHROMIUM not set", chromium != null);
        dir = Path.of("target", "browser").toAbsolutePath();
        Files.createDirectories(dir);
    }

    @Test
    public void hostileReportRunsNothingAndLoadsNothingUnderTheArtifactCsp() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        try (ArtifactServer server = new ArtifactServer(site)) {
            String html = HtmlReportRenderer.renderDocument(corpusReport(server.base() + "/beacon"));
            Files.writeString(site.resolve(ReportFiles.REPORT_HTML), html, StandardCharsets.UTF_8);
            Files.writeString(site.resolve(ReportFiles.REPORT_CSS), ReportStylesheet.text(), StandardCharsets.UTF_8);
            String url = server.base() + "/" + ReportFiles.REPORT_HTML;

            String dom = chromium.dumpDom(url, dir);
            Files.writeString(dir.resolve("report.dom.html"), dom, StandardCharsets.UTF_8);
            chromium.screenshot(url, dir.resolve("report.png"), 1280, 5000, dir);

            assertEquals("the title is ours: no script ran", title(html), title(dom));
            assertTrue("the page was loaded: " + server.requests(), server.requests().contains("GET /report.html"));
            assertTrue("the stylesheet loads under style-src 'self'", server.requests().contains("GET /report.css"));
            List<String> others = new ArrayList<>(server.requests());
            others.removeIf(r -> r.equals("GET /report.html") || r.equals("GET /report.css") || r.equals("GET /favicon.ico"));
            assertEquals("requests made by payloads", List.of(), others);
            assertEquals("CSP violations", List.of(), server.violations());
            for (String tag : List.of("<script", "<img", "<iframe", "<object", "<embed", "<style", "<base", "<form", "<input",
                    "<video", "<foreignobject", "<animate", "<use", "<meta http-equiv")) {
                assertFalse("an element the browser built from agent text: " + tag, dom.toLowerCase().contains(tag));
            }
            assertTrue("agent text is shown as text", dom.contains("&lt;script&gt;document.title='PWNED'&lt;/script&gt;"));
        }
    }

    /** The same page with payloads left unescaped: each oracle of the test above must notice. */
    @Test
    public void theOraclesNoticeUnescapedPayloads() throws Exception {
        String html = HtmlReportRenderer.renderDocument(HostileReports.report("harmless"));
        Path site = Files.createDirectories(dir.resolve("control"));
        Files.writeString(site.resolve(ReportFiles.REPORT_CSS), ReportStylesheet.text(), StandardCharsets.UTF_8);
        try (ArtifactServer server = new ArtifactServer(site)) {
            Files.writeString(site.resolve(ReportFiles.REPORT_HTML), html.replace("</body>",
                    "<img src=\"/beacon-control\"/><p style=\"color:red\">inline style</p></body>"), StandardCharsets.UTF_8);
            chromium.dumpDom(server.base() + "/" + ReportFiles.REPORT_HTML, dir);
            assertTrue("an injected image is fetched: " + server.requests(), server.requests().contains("GET /beacon-control"));
            assertFalse("an inline style is a reported CSP violation", server.violations().isEmpty());
        }
        // The artifact CSP forbids every script, so the title oracle is shown to work without it.
        try (ArtifactServer server = new ArtifactServer(site, false)) {
            Files.writeString(site.resolve(ReportFiles.REPORT_HTML),
                    html.replace("</body>", "<script>document.title='PWNED'</script></body>"), StandardCharsets.UTF_8);
            String dom = chromium.dumpDom(server.base() + "/" + ReportFiles.REPORT_HTML, dir);
            assertEquals("a script that runs changes the title", "PWNED", title(dom));
        }
    }

    /**
     * Long unbreakable agent text (a token-like tool name, a 1 MiB line) wraps inside its cell: the
     * page is no wider than the window, so the verdict and the other columns stay on screen. A script
     * added for the test (served without the CSP) writes the widths into the title.
     */
    @Test
    public void longUnbreakableTextDoesNotWidenThePage() throws Exception {
        Path site = Files.createDirectories(dir.resolve("widths"));
        Files.writeString(site.resolve(ReportFiles.REPORT_CSS), ReportStylesheet.text(), StandardCharsets.UTF_8);
        try (ArtifactServer server = new ArtifactServer(site, false)) {
            String html = HtmlReportRenderer.renderDocument(corpusReport(server.base() + "/beacon"));
            Files.writeString(site.resolve(ReportFiles.REPORT_HTML), html.replace("</body>",
                    "<script>document.title = document.documentElement.scrollWidth + ' in ' + window.innerWidth</script></body>"),
                    StandardCharsets.UTF_8);
            String[] widths = title(chromium.dumpDom(server.base() + "/" + ReportFiles.REPORT_HTML, dir)).split(" in ");
            assertEquals("page width and window width: " + String.join(" in ", widths), 2, widths.length);
            assertTrue("the page (" + widths[0] + " px) is wider than the window (" + widths[1] + " px)",
                    Integer.parseInt(widths[0]) <= Integer.parseInt(widths[1]));
        }
    }

    private static String title(String html) {
        Matcher m = TITLE.matcher(html);
        assertTrue("a title in " + html.substring(0, Math.min(300, html.length())), m.find());
        return m.group(1).strip();
    }

    /** One failing entry per payload (type, tool, thought, observation), every payload in the run and the final answer. */
    static Report corpusReport(String beacon) {
        List<Payload> corpus = HostileCorpus.small(beacon);
        String all = HostileCorpus.allInOne(beacon);
        SummaryAccumulator acc = new SummaryAccumulator(HostileReports.POLICY);
        acc.onRun(HostileReports.run(all));
        long i = 0;
        for (Payload p : corpus) {
            JsonObject o = new JsonObject();
            o.addProperty("agent_run_id", HostileReports.RUN);
            o.addProperty("created_at", "2024-01-15T10:30:15Z");
            o.addProperty("message_type", i % 2 == 0 ? "ERROR" : p.text());
            o.addProperty("tool_name", p.text());
            o.addProperty("thought", p.text());
            o.addProperty("observation", p.text());
            acc.onEntry(i++, EntryDecoder.decode(JsonWire.toJson(o)));
        }
        for (String raw : HostileReports.rawEntries(all)) {
            acc.onEntry(i++, EntryDecoder.decode(raw));
        }
        List<String> reasons = new ArrayList<>(List.of("failing entries"));
        corpus.forEach(p -> reasons.add(p.text()));
        return Report.builder().summary(acc.snapshot()).decision(new GateDecision(Verdict.FAILED, reasons, corpus.size()))
                .policy(HostileReports.POLICY).anomalies(List.of(new Anomaly(Anomaly.Kind.EMPTY_PAGE, 3, all)), 1)
                .stats(new RequestStats(12, 2, 1)).duration(Duration.ofSeconds(95)).generatedAt(HostileReports.GENERATED)
                .orgId(HostileReports.ORG).runId(HostileReports.RUN).build();
    }
}
