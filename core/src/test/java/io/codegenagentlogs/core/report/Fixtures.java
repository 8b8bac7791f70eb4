package io.codegenagentlogs.core.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.codegenagentlogs.core.api.EntryDecoder;
import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.gate.Verdict;
import io.codegenagentlogs.core.watch.Anomaly;
import io.codegenagentlogs.core.watch.RequestStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Entries, runs and reports for tests, including a corpus of hostile text. Public: the console tests use it too. */
public final class Fixtures {
    public static final String SCRIPT = "<script>alert(1)</script>";
    public static final String IMG = "\"><img src=x onerror=alert(1)>";
    public static final String JS_URL = "javascript:alert(document.cookie)";
    public static final String CDATA_END = "]]>";
    public static final String CLOSE_TESTCASE = "</testcase></testsuite>";
    public static final String ANSI = "\u001b[31mRED\u001b[0m\u001b]0;title\u0007";
    public static final String CRLF = "line1\r\nline2\rline3\nline4";
    public static final String GH_COMMAND = "::error::x";
    public static final String BIDI = "abc\u202Edef\u2066";
    public static final String CONTROLS = "nul\u0000bel\u0007bs\u0008vt\u000bff\u000cdel\u007fc1\u0085\u009b";
    public static final String MARKDOWN = "| a | b | `code` ``` [x](javascript:alert(1)) ![i](http://e/x.png) **b** _i_ @octocat <b>";
    public static final String AMP = "&amp; &lt; 'quote' \"dq\"";

    /** Every hostile piece in one string, each on its own line. */
    public static final String ALL = String.join("\n", SCRIPT, IMG, JS_URL, CDATA_END, CLOSE_TESTCASE, ANSI, CRLF,
            GH_COMMAND, BIDI, CONTROLS, MARKDOWN, AMP);

    public static final Instant T0 = Instant.parse("2024-01-15T10:30:00Z");

    private Fixtures() {
    }

    public static LogEntry entry(String type, String tool, String thought, JsonElement observation) {
        return entry(type, tool, thought, observation, null, "2024-01-15T10:30:15Z");
    }

    public static LogEntry entry(String type, String tool, String thought, JsonElement observation,
            JsonElement toolOutput, String createdAt) {
        JsonObject o = new JsonObject();
        o.addProperty("agent_run_id", 12345);
        o.addProperty("created_at", createdAt);
        o.addProperty("message_type", type);
        o.addProperty("tool_name", tool);
        o.addProperty("thought", thought);
        o.add("observation", observation);
        o.add("tool_input", null);
        o.add("tool_output", toolOutput);
        return EntryDecoder.decode(o.toString());
    }

    public static JsonElement json(String text) {
        return JsonParser.parseString(text);
    }

    public static JsonElement str(String text) {
        return new com.google.gson.JsonPrimitive(text);
    }

    public static RunInfo run(String status) {
        return new RunInfo(12345, 67890, status, "2024-01-15T10:30:00Z", "https://app.codegen.com/agent/trace/12345",
                "Task completed successfully");
    }

    public static GateDecision decision(Verdict v, String... reasons) {
        return new GateDecision(v, List.of(reasons), 0);
    }

    public static Report report(RunSummary summary, GateDecision decision, GatePolicy policy) {
        return Report.builder().summary(summary).decision(decision).policy(policy)
                .stats(new RequestStats(12, 2, 1)).duration(Duration.ofSeconds(95)).generatedAt(T0.plusSeconds(300))
                .build();
    }

    /**
     * A run where every piece of agent text is hostile: status, web_url, result, types, tools,
     * thoughts, observations, the final answer, anomalies and the gate's reasons.
     */
    public static Report hostileReport(String extra) {
        GatePolicy policy = GatePolicy.builder().failOn(List.of("ERROR", "PR_CREATION_FAILED")).build();
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        acc.onRun(new RunInfo(12345, 67890, "failed" + ALL, ALL, JS_URL, ALL + extra));
        long i = 0;
        acc.onEntry(i++, entry("ACTION", "ripgrep_search", "I need to search " + ALL, json("{\"status\":\"success\"}")));
        acc.onEntry(i++, entry("ACTION" + SCRIPT, ALL, ALL + extra, str(ALL)));
        acc.onEntry(i++, entry("ERROR", "file_write" + IMG, ALL, str(ALL + extra), null, ALL));
        acc.onEntry(i++, entry("ERROR", null, null, json("{\"error\":" + quote(ALL) + "}")));
        acc.onEntry(i++, entry("PR_CREATION_FAILED", MARKDOWN, null, str(CLOSE_TESTCASE + CDATA_END)));
        // the insights: a code change with hostile paths and a look-alike PR URL, a repeated hostile call, a run link
        String hostileInput = "{\"path\":" + quote(ALL) + ",\"paths\":[" + quote(SCRIPT) + "," + quote(IMG) + "]}";
        String prLookalike = "https://github.com/a/b/pull/1\"><script>alert(1)</script>";
        for (int k = 0; k < 3; k++) {
            acc.onEntry(i++, call("ACTION", "file_write" + SCRIPT, hostileInput, "{\"status\":\"ok\",\"url\":" + quote(prLookalike)
                    + ",\"commit\":\"abcdef1\"}"));
        }
        acc.onEntry(i++, call("ACTION", "run_command", "{\"command\":" + quote("git commit -m " + ALL + extra) + "}",
                "{\"stdout\":" + quote("[main 1234567] " + ALL) + "}"));
        acc.onEntry(i++, entry("AGENT_RUN_LINK", null, null, json("{\"agent_run_id\":\"" + SCRIPT + "\",\"web_url\":"
                + quote(JS_URL) + ",\"relation\":" + quote(ALL + extra) + "}")));
        acc.onEntry(i++, entry("AGENT_RUN_LINK", null, null, str("see " + JS_URL + " and https://x.example/run/7\"><b>")));
        acc.onEntry(i++, entry("FINAL_ANSWER", null, "thought", json("{\"summary\":" + quote("```\n" + ALL + "\n````` end" + extra)
                + ",\"pull_request\":" + quote(prLookalike) + "}")));
        RunSummary s = acc.snapshot();
        GateDecision d = new GateDecision(Verdict.FAILED, List.of("3 failing entries " + ALL, extra), 3);
        return Report.builder().summary(s).decision(d).policy(policy)
                .anomalies(List.of(new Anomaly(Anomaly.Kind.EMPTY_PAGE, 3, ALL)), 1)
                .stats(new RequestStats(12, 2, 1)).duration(Duration.ofSeconds(95)).generatedAt(T0.plusSeconds(300))
                .build();
    }

    /** A tool call with raw JSON input and output. */
    public static LogEntry call(String type, String tool, String inputJson, String outputJson) {
        JsonObject o = new JsonObject();
        o.addProperty("agent_run_id", 12345);
        o.addProperty("created_at", "2024-01-15T10:30:15Z");
        o.addProperty("message_type", type);
        o.addProperty("tool_name", tool);
        o.add("tool_input", inputJson == null ? null : json(inputJson));
        o.add("tool_output", outputJson == null ? null : json(outputJson));
        return EntryDecoder.decode(o.toString());
    }

    static String quote(String s) {
        return new com.google.gson.JsonPrimitive(s).toString();
    }

    /** {@code n} copies of a character, for big inputs. */
    public static String big(int n) {
        StringBuilder sb = new StringBuilder(n);
        String unit = "x<|`@&\u00e9\u4e2d ";
        while (sb.length() < n) {
            sb.append(unit);
        }
        return sb.substring(0, n);
    }
}
