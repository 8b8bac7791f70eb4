package io.codegenagentlogs.core.report;

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
                "final_answer_truncated", "anomalies", "requests", "duration_ms", "policy", "generated_at"), j.keySet());
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
        for (String key : List.of("index", "created_at", "type", "tool", "message")) {
            paths.add("failures.entries[]." + key);
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
        assertTrue(s.finalAnswer().contains(ALL));
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
}
