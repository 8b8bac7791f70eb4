package io.codegenagentlogs.core.report.render;

import com.google.gson.stream.JsonWriter;
import io.codegenagentlogs.core.report.AuditTrail;
import io.codegenagentlogs.core.report.ChangeRecord;
import io.codegenagentlogs.core.report.DurationStats;
import io.codegenagentlogs.core.report.FailurePattern;
import io.codegenagentlogs.core.report.FailurePatterns;
import io.codegenagentlogs.core.report.LinkedRun;
import io.codegenagentlogs.core.report.Reasoning;
import io.codegenagentlogs.core.report.RepeatedCall;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.RunSummary;
import io.codegenagentlogs.core.report.TimedCall;
import io.codegenagentlogs.core.report.ToolStats;
import java.io.IOException;

/**
 * The insight parts of {@code summary.json} ({@code changes}, {@code failure_patterns},
 * {@code reasoning}, {@code linked_runs}, tool times), in the same style as the rest: every field
 * always present, null when unknown, strings as sent (bounded).
 */
final class JsonInsights {
    private JsonInsights() {
    }

    static void write(Report report, JsonWriter w) throws IOException {
        RunSummary s = report.summary();
        changes(s.audit(), w);
        patterns(s.failurePatterns(), w);
        reasoning(s.reasoning(), w);
        linkedRuns(s, w);
        w.name("errors").beginObject();
        w.name("total").value(s.errorMarkTotal());
        w.name("error_entries").value(s.count("ERROR"));
        w.name("failed_calls").value(s.tools().values().stream().mapToLong(ToolStats::failedCalls).sum());
        w.endObject();
        w.name("span_ms").value(s.span() == null ? null : s.span().toMillis());
        w.name("slowest_calls").beginArray();
        for (TimedCall c : s.slowestCalls()) {
            w.beginObject();
            w.name("index").value(c.index());
            w.name("created_at").value(c.createdAt());
            w.name("tool").value(c.tool());
            w.name("ms").value(c.millis());
            w.endObject();
        }
        w.endArray();
    }

    /** A {@link DurationStats} as {@code {count, total, median, p95, max}} in milliseconds, or null. */
    static void duration(JsonWriter w, DurationStats d) throws IOException {
        if (d == null) {
            w.nullValue();
            return;
        }
        w.beginObject();
        w.name("count").value(d.count());
        w.name("total").value(d.totalMillis());
        w.name("median").value(d.medianMillis());
        w.name("p95").value(d.p95Millis());
        w.name("max").value(d.maxMillis());
        w.endObject();
    }

    private static void changes(AuditTrail a, JsonWriter w) throws IOException {
        w.name("changes").beginObject();
        w.name("total").value(a.changeTotal());
        w.name("shown").value(a.changes().size());
        w.name("tool_patterns").value(a.rules());
        w.name("entries").beginArray();
        for (ChangeRecord c : a.changes()) {
            w.beginObject();
            w.name("index").value(c.index());
            w.name("created_at").value(c.createdAt());
            w.name("tool").value(c.tool());
            strings(w, "files", c.files());
            w.name("command").value(c.command());
            strings(w, "pull_requests", c.pullRequests());
            strings(w, "commits", c.commits());
            w.name("failed").value(c.failed());
            w.endObject();
        }
        w.endArray();
        w.name("files").beginObject();
        w.name("total").value(a.fileTotal());
        w.name("total_exact").value(a.fileTotalExact());
        strings(w, "paths", a.files());
        w.endObject();
        strings(w, "pull_requests", a.pullRequests());
        strings(w, "commits", a.commits());
        w.endObject();
    }

    private static void patterns(FailurePatterns p, JsonWriter w) throws IOException {
        w.name("failure_patterns").beginObject();
        w.name("entries").value(p.entries());
        w.name("total").value(p.groupTotal());
        w.name("shown").value(p.groups().size());
        w.name("ungrouped").value(p.ungrouped());
        w.name("groups").beginArray();
        for (FailurePattern g : p.groups()) {
            w.beginObject();
            w.name("tool").value(g.tool());
            w.name("pattern").value(g.pattern());
            w.name("count").value(g.count());
            w.name("types").value(g.types());
            w.name("first_index").value(g.firstIndex());
            w.name("first_created_at").value(g.firstCreatedAt());
            w.name("first_message").value(g.firstMessage());
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }

    private static void reasoning(Reasoning r, JsonWriter w) throws IOException {
        w.name("reasoning").beginObject();
        w.name("actions").value(r.actions());
        w.name("plan_evaluations").value(r.planEvaluations());
        w.name("actions_per_plan_evaluation").value(r.actionsPerPlanEvaluation());
        w.name("tool_calls").value(r.toolCalls());
        w.name("distinct_calls").value(r.distinctCalls());
        w.name("untracked_calls").value(r.untrackedCalls());
        w.name("repeated_total").value(r.repeatedTotal());
        w.name("possible_loops").value(r.loopTotal());
        w.name("max_identical_calls").value(r.maxCalls());
        w.name("max_identical_calls_tool").value(r.maxCallTool());
        w.name("repeated").beginArray();
        for (RepeatedCall c : r.repeatedCalls()) {
            w.beginObject();
            w.name("tool").value(c.tool());
            w.name("input").value(c.input());
            w.name("calls").value(c.calls());
            w.name("first_index").value(c.firstIndex());
            w.name("possible_loop").value(c.calls() >= Reasoning.LOOP_CALLS);
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }

    private static void linkedRuns(RunSummary s, JsonWriter w) throws IOException {
        w.name("linked_runs").beginObject();
        w.name("total").value(s.linkedRunTotal());
        w.name("shown").value(s.linkedRuns().size());
        w.name("entries").beginArray();
        for (LinkedRun l : s.linkedRuns()) {
            w.beginObject();
            w.name("index").value(l.index());
            w.name("created_at").value(l.createdAt());
            w.name("run_id").value(l.runId());
            w.name("url").value(l.url());
            w.name("text").value(l.text());
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }

    private static void strings(JsonWriter w, String name, java.util.List<String> values) throws IOException {
        w.name(name).beginArray();
        for (String v : values) {
            w.value(v);
        }
        w.endArray();
    }
}
