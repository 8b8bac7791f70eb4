package io.codegenagentlogs.core.hostile;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.codegenagentlogs.core.api.EntryDecoder;
import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.gate.Verdict;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.SummaryAccumulator;
import io.codegenagentlogs.core.watch.Anomaly;
import io.codegenagentlogs.core.watch.RequestStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs and reports whose every piece of agent-controlled text is one hostile text: the run's status,
 * web_url, result; each entry's type, tool, thought, observation (string and object), tool input and
 * output, created_at; anomaly messages and the gate's reasons. A renderer that shows any of these
 * shows the payload.
 */
public final class HostileReports {
    public static final long ORG = 67890;
    public static final long RUN = 12345;
    public static final Instant GENERATED = Instant.parse("2024-01-15T10:35:00Z");
    public static final GatePolicy POLICY = GatePolicy.builder().failOn(List.of("ERROR", "PR_CREATION_FAILED")).build();

    private HostileReports() {
    }

    public static RunInfo run(String text) {
        return new RunInfo(RUN, ORG, text, text, "https://app.codegen.com/agent/trace/" + text, text);
    }

    /** The entries' raw JSON, as a server would send them (ASCII-safe escapes for what UTF-8 cannot carry). */
    public static List<String> rawEntries(String text) {
        List<String> out = new ArrayList<>();
        out.add(entry("ACTION", text, text, new JsonPrimitive(text), object("command", text), object("stdout", text), "2024-01-15T10:30:15Z"));
        out.add(entry(text, null, text, null, null, null, text));
        out.add(entry("ERROR", "file_write" + text, text, new JsonPrimitive(text), null, null, "2024-01-15T10:30:20Z"));
        out.add(entry("ERROR", null, null, object("error", text), null, null, "2024-01-15 10:30:21.5"));
        out.add(entry("PR_CREATION_FAILED", text, null, new JsonPrimitive(text), null, null, "2024-01-15T10:30:22Z"));
        out.add(entry("ACTION", "run_command", null, null, null, object("stdout", text), "2024-01-15T10:30:23Z"));
        out.add(entry("FINAL_ANSWER", null, "done", new JsonPrimitive(text), null, null, "2024-01-15T10:30:30Z"));
        return out;
    }

    public static List<LogEntry> entries(String text) {
        return rawEntries(text).stream().map(EntryDecoder::decode).toList();
    }

    public static GateDecision decision(String text) {
        return new GateDecision(Verdict.FAILED, List.of("3 failing entries (2 ERROR, 1 PR_CREATION_FAILED)", text), 3);
    }

    public static Anomaly anomaly(String text) {
        return new Anomaly(Anomaly.Kind.EMPTY_PAGE, 3, text);
    }

    public static Report report(String text) {
        SummaryAccumulator acc = new SummaryAccumulator(POLICY);
        acc.onRun(run(text));
        List<LogEntry> entries = entries(text);
        for (int i = 0; i < entries.size(); i++) {
            acc.onEntry(i, entries.get(i));
        }
        return Report.builder().summary(acc.snapshot()).decision(decision(text)).policy(POLICY)
                .anomalies(List.of(anomaly(text)), 1).stats(new RequestStats(12, 2, 1))
                .duration(Duration.ofSeconds(95)).generatedAt(GENERATED).orgId(ORG).runId(RUN).build();
    }

    private static JsonObject object(String key, String value) {
        JsonObject o = new JsonObject();
        o.addProperty(key, value);
        return o;
    }

    private static String entry(String type, String tool, String thought, com.google.gson.JsonElement observation,
            com.google.gson.JsonElement toolInput, com.google.gson.JsonElement toolOutput, String createdAt) {
        JsonObject o = new JsonObject();
        o.addProperty("agent_run_id", RUN);
        o.addProperty("created_at", createdAt);
        o.addProperty("message_type", type);
        o.addProperty("tool_name", tool);
        o.addProperty("thought", thought);
        o.add("observation", observation);
        o.add("tool_input", toolInput);
        o.add("tool_output", toolOutput);
        return JsonWire.toJson(o);
    }
}
