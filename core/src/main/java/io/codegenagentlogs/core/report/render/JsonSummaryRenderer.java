package io.codegenagentlogs.core.report.render;

import com.google.gson.stream.JsonWriter;
import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.report.FailureDetail;
import io.codegenagentlogs.core.report.HumanFormat;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.RunSummary;
import io.codegenagentlogs.core.report.ToolStats;
import io.codegenagentlogs.core.watch.Anomaly;
import io.codegenagentlogs.core.watch.RequestStats;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code summary.json}: the machine-readable summary, schema documented in docs/summary-json.md.
 * Strings are written as sent (JSON escaping only, so they round-trip exactly); consumers must treat
 * them as untrusted. Every field is always present, null when unknown, so the shape never changes.
 */
public final class JsonSummaryRenderer {
    /** Bumped on any change that could break a reader; adding fields does not bump it. */
    public static final int SCHEMA_VERSION = 1;

    private JsonSummaryRenderer() {
    }

    public static String render(Report report) {
        StringWriter out = new StringWriter(8192);
        try (JsonWriter w = new JsonWriter(out)) {
            w.setIndent("  ");
            w.setSerializeNulls(true);
            // <, >, &, = and ' as \\u escapes: harmless for JSON readers, inert if a browser ever sniffs the file as HTML
            w.setHtmlSafe(true);
            write(report, w);
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        return escapeLoneSurrogates(out.append('\n').toString());
    }

    /**
     * Agent text can hold an unpaired surrogate (a {@code "\\ud800"} escape on the wire). Gson writes it
     * raw, and UTF-8 cannot encode it; written as its escape instead, it survives the round trip. It
     * can only occur inside a JSON string, where the escape means the same thing.
     */
    static String escapeLoneSurrogates(String json) {
        StringBuilder sb = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 >= json.length() || !Character.isLowSurrogate(json.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(json.charAt(i - 1)));
            if (lone && sb == null) {
                sb = new StringBuilder(json.length() + 16).append(json, 0, i);
            }
            if (sb != null) {
                if (lone) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? json : sb.toString();
    }

    private static void write(Report report, JsonWriter w) throws IOException {
        RunSummary s = report.summary();
        GateDecision d = report.decision();
        w.beginObject();
        w.name("schema_version").value(SCHEMA_VERSION);
        w.name("verdict").value(d.verdict().name());
        w.name("passed").value(d.passed());
        w.name("reasons").beginArray();
        for (String reason : d.reasons()) {
            w.value(reason);
        }
        w.endArray();
        w.name("failing_entries").value(d.failingEntries());

        writeRun(report, w);
        w.name("logs_fetched").value(report.logsFetched());
        w.name("entries_seen").value(s.entriesSeen());
        w.name("first_entry_at").value(HumanFormat.iso(s.firstEntryAt()));
        w.name("last_entry_at").value(HumanFormat.iso(s.lastEntryAt()));

        w.name("counts").beginObject();
        for (Map.Entry<String, Long> e : s.countsByType().entrySet()) {
            w.name(e.getKey()).value(e.getValue());
        }
        w.endObject();

        w.name("tools").beginObject();
        for (ToolStats t : s.tools().values()) {
            w.name(t.name()).beginObject();
            w.name("calls").value(t.calls());
            w.name("errors").value(t.errors());
            w.name("error_entries").value(t.errorEntries());
            w.name("failed_calls").value(t.failedCalls());
            w.name("time_ms");
            JsonInsights.duration(w, t.time());
            w.endObject();
        }
        w.endObject();

        w.name("failures").beginObject();
        w.name("total").value(s.failureTotal());
        w.name("shown").value(s.failures().size());
        w.name("entries").beginArray();
        for (FailureDetail f : s.failures()) {
            w.beginObject();
            w.name("index").value(f.index());
            w.name("created_at").value(f.createdAt());
            w.name("type").value(f.type());
            w.name("tool").value(f.tool());
            w.name("message").value(f.message());
            w.name("text").value(f.text());
            w.name("raw").value(f.raw());
            w.endObject();
        }
        w.endArray();
        w.endObject();

        w.name("final_answer").value(s.finalAnswer());
        w.name("final_answer_text").value(s.finalAnswerText());
        w.name("final_answer_truncated").value(s.finalAnswerTruncated());

        JsonInsights.write(report, w);

        w.name("anomalies").beginObject();
        w.name("total").value(report.anomalyTotal());
        w.name("shown").value(report.anomalies().size());
        w.name("entries").beginArray();
        for (Anomaly a : report.anomalies()) {
            w.beginObject();
            w.name("kind").value(a.kind() == null ? null : a.kind().name());
            w.name("skip").value(a.skip());
            w.name("message").value(a.message());
            w.endObject();
        }
        w.endArray();
        w.endObject();

        RequestStats stats = report.stats();
        w.name("requests").beginObject();
        w.name("total").value(stats.requests());
        w.name("retries").value(stats.retries());
        w.name("rate_limited").value(stats.rateLimited());
        w.endObject();

        w.name("duration_ms").value(report.duration().toMillis());

        GatePolicy p = report.policy();
        w.name("policy").beginObject();
        w.name("fail_on").beginArray();
        for (String t : p.failOnTypes()) {
            w.value(t);
        }
        w.endArray();
        w.name("fail_on_run_status").value(p.failOnRunStatus());
        w.name("max_failures").value(p.maxFailures());
        w.name("max_identical_calls").value(p.maxIdenticalCalls());
        w.endObject();

        w.name("generated_at").value(HumanFormat.iso(report.generatedAt()));
        w.endObject();
    }

    private static void writeRun(Report report, JsonWriter w) throws IOException {
        RunInfo run = report.run();
        w.name("run").beginObject();
        w.name("id").value(report.runId());
        w.name("org_id").value(report.orgId());
        w.name("status").value(run == null ? null : run.status().normalized());
        w.name("status_raw").value(run == null ? null : run.status().raw());
        w.name("phase").value(run == null ? null : run.status().phase().name());
        w.name("web_url").value(run == null ? null : run.webUrl());
        w.name("web_url_safe").value(run == null ? null : run.safeWebUrl());
        w.name("created_at").value(run == null ? null : run.createdAt());
        w.name("result").value(run == null ? null : run.result());
        w.endObject();
    }
}
