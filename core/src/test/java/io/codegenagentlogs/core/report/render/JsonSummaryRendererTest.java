package io.codegenagentlogs.core.report.render;

import static io.codegenagentlogs.core.report.Fixtures.ALL;
import static io.codegenagentlogs.core.report.Fixtures.JS_URL;
import static io.codegenagentlogs.core.report.Fixtures.entry;
import static io.codegenagentlogs.core.report.Fixtures.str;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.gate.Verdict;
import io.codegenagentlogs.core.report.FailureDetail;
import io.codegenagentlogs.core.report.Fixtures;
import io.codegenagentlogs.core.report.InsightFixtures;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.RunSummary;
import io.codegenagentlogs.core.report.SummaryAccumulator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.Test;

public class JsonSummaryRendererTest {

    private static JsonObject parse(Report r) {
        return JsonParser.parseString(JsonSummaryRenderer.render(r)).getAsJsonObject();
    }

    @Test
    public void documentedFieldsArePresentWithTheirValues() {
        GatePolicy policy = GatePolicy.builder().maxFailures(2).build();
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        acc.onRun(Fixtures.run("completed"));
        acc.onEntry(0, entry("ACTION", "ripgrep_search", "search", str("ok")));
        acc.onEntry(1, entry("ERROR", "ripgrep_search", null, str("boom")));
        acc.onEntry(2, entry("FINAL_ANSWER", null, null, str("done")));
        GateDecision d = new GateDecision(Verdict.PASSED, List.of("all good"), 1);
        JsonObject j = parse(Fixtures.report(acc.snapshot(), d, policy));

        assertEquals(Set.of("schema_version", "verdict", "passed", "reasons", "failing_entries", "run", "logs_fetched",
                "entries_seen", "first_entry_at", "last_entry_at", "counts", "tools", "failures", "final_answer",
                "final_answer_text", "final_answer_truncated", "changes", "failure_patterns", "reasoning", "linked_runs",
                "errors", "span_ms", "slowest_calls", "anomalies", "requests", "duration_ms", "policy", "generated_at"), j.keySet());
        assertEquals(1, j.get("schema_version").getAsInt());
        assertEquals("PASSED", j.get("verdict").getAsString());
        assertTrue(j.get("passed").getAsBoolean());
        assertEquals("all good", j.getAsJsonArray("reasons").get(0).getAsString());
        JsonObject run = j.getAsJsonObject("run");
        assertEquals(12345, run.get("id").getAsLong());
        assertEquals(67890, run.get("org_id").getAsLong());
        assertEquals("COMPLETE", run.get("status").getAsString());
        assertEquals("completed", run.get("status_raw").getAsString());
        assertEquals("SUCCEEDED", run.get("phase").getAsString());
        assertEquals("https://app.codegen.com/agent/trace/12345", run.get("web_url").getAsString());
        assertEquals("https://app.codegen.com/agent/trace/12345", run.get("web_url_safe").getAsString());
        assertEquals("2024-01-15T10:30:00Z", run.get("created_at").getAsString());
        assertEquals("Task completed successfully", run.get("result").getAsString());
        assertEquals(3, j.get("logs_fetched").getAsLong());
        assertEquals(1, j.getAsJsonObject("counts").get("ERROR").getAsLong());
        assertEquals(1, j.getAsJsonObject("counts").get("FINAL_ANSWER").getAsLong());
        JsonObject tool = j.getAsJsonObject("tools").getAsJsonObject("ripgrep_search");
        assertEquals(2, tool.get("calls").getAsLong());
        assertEquals(1, tool.get("errors").getAsLong());
        JsonObject failures = j.getAsJsonObject("failures");
        assertEquals(1, failures.get("total").getAsLong());
        assertEquals(1, failures.get("shown").getAsLong());
        JsonObject f = failures.getAsJsonArray("entries").get(0).getAsJsonObject();
        assertEquals(1, f.get("index").getAsLong());
        assertEquals("ERROR", f.get("type").getAsString());
        assertEquals("ripgrep_search", f.get("tool").getAsString());
        assertEquals("boom", f.get("message").getAsString());
        assertEquals("2024-01-15T10:30:15Z", f.get("created_at").getAsString());
        assertEquals("done", j.get("final_answer").getAsString());
        JsonObject req = j.getAsJsonObject("requests");
        assertEquals(12, req.get("total").getAsLong());
        assertEquals(2, req.get("retries").getAsLong());
        assertEquals(1, req.get("rate_limited").getAsLong());
        assertEquals(95_000, j.get("duration_ms").getAsLong());
        JsonObject p = j.getAsJsonObject("policy");
        assertEquals("[\"ERROR\",\"PR_CREATION_FAILED\"]", p.getAsJsonArray("fail_on").toString());
        assertTrue(p.get("fail_on_run_status").getAsBoolean());
        assertEquals(2, p.get("max_failures").getAsInt());
        assertEquals("2024-01-15T10:35:00Z", j.get("generated_at").getAsString());
        assertEquals("2024-01-15T10:30:15Z", j.get("first_entry_at").getAsString());
    }

    @Test
    public void everyFieldIsDocumented() throws java.io.IOException {
        java.nio.file.Path doc = java.nio.file.Path.of("..", "docs", "summary-json.md");
        org.junit.Assume.assumeTrue("docs/ is beside core/", java.nio.file.Files.exists(doc));
        String text = java.nio.file.Files.readString(doc);
        JsonObject j = parse(Fixtures.hostileReport(""));
        List<String> paths = new java.util.ArrayList<>();
        for (String key : j.keySet()) {
            paths.add(key);
            if (j.get(key).isJsonObject() && !key.equals("counts") && !key.equals("tools")) {
                for (String sub : j.getAsJsonObject(key).keySet()) {
                    paths.add(key + "." + sub);
                }
            }
        }
        for (String key : List.of("index", "created_at", "type", "tool", "message", "text", "raw")) {
            paths.add("failures.entries[]." + key);
        }
        JsonObject realistic = parse(InsightFixtures.report());
        for (String[] array : new String[][] {{"changes", "entries"}, {"failure_patterns", "groups"}, {"reasoning", "repeated"},
            {"linked_runs", "entries"}}) {
            JsonObject first = realistic.getAsJsonObject(array[0]).getAsJsonArray(array[1]).get(0).getAsJsonObject();
            for (String key : first.keySet()) {
                paths.add(array[0] + "." + array[1] + "[]." + key);
            }
        }
        for (String key : realistic.getAsJsonArray("slowest_calls").get(0).getAsJsonObject().keySet()) {
            paths.add("slowest_calls[]." + key);
        }
        for (String key : realistic.getAsJsonObject("changes").getAsJsonObject("files").keySet()) {
            paths.add("changes.files." + key);
        }
        for (String key : realistic.getAsJsonObject("tools").getAsJsonObject("run_command").keySet()) {
            paths.add("tools.*." + key);
        }
        for (String key : realistic.getAsJsonObject("tools").getAsJsonObject("run_command").getAsJsonObject("time_ms").keySet()) {
            paths.add("tools.*.time_ms." + key);
        }
        for (String key : List.of("kind", "skip", "message")) {
            paths.add("anomalies.entries[]." + key);
        }
        for (String path : paths) {
            assertTrue(path + " is not documented", text.contains("| `" + path + "` |"));
        }
    }

    @Test
    public void unknownValuesAreExplicitNulls() {
        GatePolicy policy = GatePolicy.defaults();
        RunSummary empty = new SummaryAccumulator(policy).snapshot();
        JsonObject j = parse(Fixtures.report(empty, new GateDecision(Verdict.ERROR, List.of("no answer"), 0), policy));
        assertTrue(j.get("final_answer").isJsonNull());
        assertTrue(j.get("first_entry_at").isJsonNull());
        assertTrue(j.getAsJsonObject("run").get("status").isJsonNull());
        assertTrue(j.getAsJsonObject("run").get("web_url").isJsonNull());
        assertEquals(0, j.getAsJsonObject("counts").size());
        assertEquals(0, j.getAsJsonObject("failures").getAsJsonArray("entries").size());
    }

    @Test
    public void hostileStringsRoundTripExactly() {
        Report r = Fixtures.hostileReport("");
        RunSummary s = r.summary();
        String text = JsonSummaryRenderer.render(r);
        assertFalse("html-safe output", text.contains("<script"));
        assertFalse(text.contains("\u001b"));
        JsonObject j = JsonParser.parseString(text).getAsJsonObject();

        JsonObject run = j.getAsJsonObject("run");
        assertEquals(JS_URL, run.get("web_url").getAsString());
        assertTrue("a javascript: URL is not safe", run.get("web_url_safe").isJsonNull());
        assertEquals(ALL, run.get("created_at").getAsString());
        assertEquals(ALL, run.get("result").getAsString());
        assertEquals("failed" + ALL, run.get("status_raw").getAsString());

        assertEquals(s.finalAnswer(), j.get("final_answer").getAsString());
        assertEquals(s.finalAnswerText(), j.get("final_answer_text").getAsString());
        assertTrue(s.finalAnswerText().contains(ALL));
        assertEquals(s.audit().files(), List.of(j.getAsJsonObject("changes").getAsJsonObject("files").getAsJsonArray("paths")
                .asList().stream().map(e -> e.getAsString()).toArray(String[]::new)));
        assertEquals("a value with line breaks is no path; markup is a path like any other, kept as sent",
                List.of(Fixtures.SCRIPT, Fixtures.IMG), s.audit().files());
        assertEquals(s.reasoning().mostRepeated().input(), j.getAsJsonObject("reasoning").getAsJsonArray("repeated").get(0)
                .getAsJsonObject().get("input").getAsString());
        JsonArray entries = j.getAsJsonObject("failures").getAsJsonArray("entries");
        assertEquals(s.failures().size(), entries.size());
        for (int i = 0; i < entries.size(); i++) {
            FailureDetail f = s.failures().get(i);
            JsonObject e = entries.get(i).getAsJsonObject();
            assertEquals(f.message(), e.get("message").getAsString());
            assertEquals(f.createdAt(), e.get("created_at").isJsonNull() ? null : e.get("created_at").getAsString());
            assertEquals(f.tool(), e.get("tool").isJsonNull() ? null : e.get("tool").getAsString());
        }
        assertTrue("created_at is kept as sent, up to its bound",
                ALL.startsWith(entries.get(0).getAsJsonObject().get("created_at").getAsString().replace("…", "")));
        assertEquals(s.tools().keySet(), j.getAsJsonObject("tools").keySet());
        assertTrue("hostile tool names are keys as sent, up to their bound",
                j.getAsJsonObject("tools").keySet().stream().anyMatch(k -> k.startsWith(ALL.substring(0, 150))));
        assertEquals(s.countsByType().keySet(), j.getAsJsonObject("counts").keySet());
        assertEquals("3 failing entries " + ALL, j.getAsJsonArray("reasons").get(0).getAsString());
        assertEquals(ALL, j.getAsJsonObject("anomalies").getAsJsonArray("entries").get(0).getAsJsonObject()
                .get("message").getAsString());
    }

    @Test
    public void unpairedSurrogatesSurviveAsEscapes() {
        GatePolicy policy = GatePolicy.defaults();
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        acc.onEntry(0, io.codegenagentlogs.core.api.EntryDecoder.decode(
                "{\"message_type\":\"FINAL_ANSWER\",\"observation\":\"a\\ud800b\\udc00c\\uD83D\\uDE00\"}"));
        String text = JsonSummaryRenderer.render(Fixtures.report(acc.snapshot(),
                new GateDecision(Verdict.PASSED, List.of("ok"), 0), policy));
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        String decoded = new String(utf8, StandardCharsets.UTF_8);
        assertEquals("a\ud800b\udc00c\uD83D\uDE00",
                JsonParser.parseString(decoded).getAsJsonObject().get("final_answer").getAsString());
    }

    @Test
    public void insightsAreInTheSummary() {
        JsonObject j = parse(InsightFixtures.report());
        JsonObject changes = j.getAsJsonObject("changes");
        assertEquals(11, changes.get("total").getAsLong());
        assertEquals("[\"https://github.com/acme/shop/pull/78\"]", changes.getAsJsonArray("pull_requests").toString());
        assertEquals("[\"1a2b3c4\",\"5e6f7a8\"]", changes.getAsJsonArray("commits").toString());
        assertEquals(6, changes.getAsJsonObject("files").get("total").getAsLong());
        JsonObject commit = changes.getAsJsonArray("entries").get(5).getAsJsonObject();
        assertEquals(19, commit.get("index").getAsLong());
        assertEquals("git add -A \u0026\u0026 git commit -m 'Fix checkout timer race (#77)'".replace("\\u0026", "&"),
                commit.get("command").getAsString());
        assertTrue(changes.getAsJsonArray("entries").get(6).getAsJsonObject().get("failed").getAsBoolean());

        JsonObject patterns = j.getAsJsonObject("failure_patterns");
        assertEquals(5, patterns.get("entries").getAsLong());
        JsonObject top = patterns.getAsJsonArray("groups").get(0).getAsJsonObject();
        assertEquals("Command failed with exit code <n>", top.get("pattern").getAsString());
        assertEquals(3, top.get("count").getAsLong());

        JsonObject reasoning = j.getAsJsonObject("reasoning");
        assertEquals(8.5, reasoning.get("actions_per_plan_evaluation").getAsDouble(), 0.001);
        assertEquals(4, reasoning.get("max_identical_calls").getAsLong());
        JsonObject loop = reasoning.getAsJsonArray("repeated").get(0).getAsJsonObject();
        assertTrue(loop.get("possible_loop").getAsBoolean());
        assertEquals("{\"command\":\"npm test -- tests/checkout.test.ts\"}", loop.get("input").getAsString());

        JsonObject link = j.getAsJsonObject("linked_runs").getAsJsonArray("entries").get(0).getAsJsonObject();
        assertEquals(5551, link.get("run_id").getAsLong());

        JsonObject run = j.getAsJsonObject("tools").getAsJsonObject("run_command");
        assertEquals(3, run.get("error_entries").getAsLong());
        assertEquals(4, run.get("failed_calls").getAsLong());
        assertEquals(7, run.get("errors").getAsLong());
        assertEquals(8000, run.getAsJsonObject("time_ms").get("median").getAsLong());
        assertTrue(j.getAsJsonObject("tools").getAsJsonObject("web_search").get("time_ms").isJsonNull());
        assertEquals(3, j.getAsJsonObject("policy").get("max_identical_calls").getAsInt());
        assertEquals(281_000, j.get("span_ms").getAsLong());
        assertTrue(j.get("final_answer_text").getAsString().startsWith("Fixed the flaky checkout test"));
        JsonObject failure = j.getAsJsonObject("failures").getAsJsonArray("entries").get(0).getAsJsonObject();
        assertTrue(failure.get("text").getAsString().contains("\nstderr: Timeout of 5000 ms"));
        assertTrue(failure.get("raw").getAsString().startsWith("{\"agent_run_id\":4242"));
    }
}
