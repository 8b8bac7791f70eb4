package io.codegenagentlogs.core.report.render;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.codegenagentlogs.core.api.EntryDecoder;
import io.codegenagentlogs.core.console.ConsoleFormat;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.gate.Verdict;
import io.codegenagentlogs.core.hostile.DisplayChecks;
import io.codegenagentlogs.core.hostile.HostileCorpus;
import io.codegenagentlogs.core.hostile.HostileCorpus.Payload;
import io.codegenagentlogs.core.hostile.HtmlChecks;
import io.codegenagentlogs.core.hostile.MarkdownChecks;
import io.codegenagentlogs.core.report.Fixtures;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.RunSummary;
import io.codegenagentlogs.core.report.SummaryAccumulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;


/**
 * The security corpus (every small payload) in the places only the insight sections show: a changed
 * file's path, a git command, a commit message, a text after a pull-request URL, a repeated call's
 * input, a linked run's id, URL and relation, the final answer's summary, a failure pattern. Each
 * section must show the payload as text, and every renderer must stay inert.
 */
public class InsightHostileCorpusTest {
    private static final List<Payload> CORPUS = HostileCorpus.small(HostileCorpus.NO_BEACON);
    /** The sections that show the payload as it is; "Reasoning and loops" shows a call's input as JSON, and is checked for inertness only. */
    private static final List<String> SECTIONS = List.of("cal-changes", "cal-patterns", "cal-links", "cal-final");

    static Report report(String text) {
        GatePolicy policy = GatePolicy.builder().maxIdenticalCalls(2).build();
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        JsonArray paths = new JsonArray();
        paths.add(text);
        paths.add("src/" + text);
        JsonObject write = new JsonObject();
        write.addProperty("path", text);
        write.add("paths", paths);
        JsonObject output = new JsonObject();
        output.addProperty("url", "https://github.com/acme/app/pull/7" + text);
        output.addProperty("commit", "abcdef1");
        long i = 0;
        for (int k = 0; k < 3; k++) {
            acc.onEntry(i++, Fixtures.call("ACTION", "file_write", write.toString(), output.toString()));
        }
        JsonObject git = new JsonObject();
        git.addProperty("command", "git commit -m " + text);
        JsonObject gitOut = new JsonObject();
        gitOut.addProperty("stdout", "[main 1234567] " + text);
        acc.onEntry(i++, Fixtures.call("ACTION", "run_command", git.toString(), gitOut.toString()));
        JsonObject link = new JsonObject();
        link.addProperty("agent_run_id", text);
        link.addProperty("web_url", text);
        link.addProperty("relation", text);
        acc.onEntry(i++, Fixtures.entry("AGENT_RUN_LINK", null, null, link));
        acc.onEntry(i++, Fixtures.entry("AGENT_RUN_LINK", null, null, new JsonPrimitive(text)));
        JsonObject error = new JsonObject();
        error.addProperty("error", text);
        acc.onEntry(i++, Fixtures.entry("ERROR", "run_command", null, error));
        acc.onEntry(i++, Fixtures.entry("ERROR", "run_command", null, error));
        JsonObject answer = new JsonObject();
        answer.addProperty("summary", text);
        answer.addProperty("pull_request", "https://github.com/acme/app/pull/7" + text);
        acc.onEntry(i++, Fixtures.entry("FINAL_ANSWER", null, null, answer));
        RunSummary s = acc.snapshot();
        return Report.builder().summary(s).policy(policy)
                .decision(new GateDecision(Verdict.FAILED, List.of("2 failing entries"), 2)).build();
    }

    @Test
    public void everySectionShowsEveryPayloadAsInertText() {
        List<String> failures = new ArrayList<>();
        for (Payload p : CORPUS) {
            try {
                check(p);
            } catch (AssertionError | RuntimeException e) {
                failures.add(p.id() + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + CORPUS.size() + " payloads broke through:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(60, failures.size()))));
        }
    }

    private static void check(Payload p) {
        Report r = report(p.text());
        String where = p.id();
        Document doc = HtmlChecks.assertInert(HtmlReportRenderer.renderDocument(r), where + " in report.html");
        for (Element section : HtmlChecks.elements(doc)) {
            if (section.getTagName().equals("section") && SECTIONS.contains(section.getAttribute("id"))) {
                HostileCorpusTest.assertShownAsText(p, DisplayChecks.squeeze(section.getTextContent()),
                        where + " in " + section.getAttribute("id"));
            }
        }
        String md = MarkdownRenderer.render(r);
        org.commonmark.node.Node mdDoc = MarkdownChecks.assertInert(md, where + " in summary.md");
        MarkdownChecks.assertTablesIntact(md, where + " in summary.md");
        HostileCorpusTest.assertShownAsText(p, MarkdownChecks.text(mdDoc), where + " in summary.md");
        String junit = JUnitXmlRenderer.render(r);
        HtmlChecks.parse(junit, where + " in junit.xml");
        DisplayChecks.assertDisplaySafe(junit, DisplayChecks.Allow.LINES, where + " in junit.xml");
        String json = JsonSummaryRenderer.render(r);
        assertFalse(where + ": raw < in summary.json", json.contains("<"));
        JsonObject back = JsonParser.parseString(json).getAsJsonObject();
        assertTrue(where, back.getAsJsonObject("changes").get("total").getAsLong() == 4);
        for (int i = 0; i < 8; i++) {
            String line = ConsoleFormat.entryLine(i, EntryDecoder.decode(rawOf(i, p.text())));
            DisplayChecks.assertDisplaySafe(line, DisplayChecks.Allow.ONE_LINE, where + " on the console");
        }
    }

    private static String rawOf(int i, String text) {
        JsonObject o = new JsonObject();
        o.addProperty("message_type", i % 2 == 0 ? "AGENT_RUN_LINK" : "ERROR");
        JsonObject obs = new JsonObject();
        obs.addProperty(i % 3 == 0 ? "error" : "relation", text);
        o.add("observation", obs);
        return o.toString();
    }
}
