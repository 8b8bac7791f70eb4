package io.codegenagentlogs.core.report;

import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.Verdict;
import io.codegenagentlogs.core.watch.Anomaly;
import io.codegenagentlogs.core.watch.RequestStats;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.md}: a GitHub-flavoured summary for a job summary page or a pull-request comment.
 * GitHub refuses step summaries above 1 MiB, so the output never exceeds {@link #MAX_BYTES} UTF-8
 * bytes: sections are added whole while they fit, then a note says what was left out.
 */
public final class MarkdownRenderer {
    /** 1 MiB, GitHub's limit for a step summary. */
    public static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_REASONS = 50;

    private MarkdownRenderer() {
    }

    public static String render(Report report) {
        return render(report, MAX_BYTES);
    }

    /** With another cap, for tests: every part is bounded on its own, so 1 MiB is hard to reach. */
    static String render(Report report, int maxBytes) {
        Bounded out = new Bounded(maxBytes);
        List<String> sections = new ArrayList<>();
        sections.add(headline(report));
        sections.add(runLine(report));
        sections.add(counts(report.summary()));
        sections.add(tools(report.summary()));
        sections.add(failures(report.summary()));
        sections.add(finalAnswer(report.summary()));
        sections.add(requests(report));
        sections.add(anomalies(report));
        sections.add(footer(report));
        for (String section : sections) {
            if (!section.isEmpty() && !out.add(section + "\n")) {
                break;
            }
        }
        return out.toString();
    }

    static String verdictTitle(Verdict v) {
        return switch (v) {
            case PASSED -> "PASSED";
            case FAILED -> "FAILED";
            case TIMED_OUT -> "TIMED OUT";
            case ERROR -> "ERROR (no verdict could be reached)";
        };
    }

    private static String headline(Report report) {
        GateDecision d = report.decision();
        StringBuilder sb = new StringBuilder();
        sb.append("## Codegen agent run ").append(report.runId()).append(": ").append(verdictTitle(d.verdict()))
                .append("\n\n");
        sb.append("**Gate ").append(verdictTitle(d.verdict())).append("**")
                .append(d.verdict() == Verdict.PASSED ? "" : ", because:").append("\n\n");
        int shown = 0;
        for (String reason : d.reasons()) {
            if (shown++ == MAX_REASONS) {
                sb.append("- ").append(d.reasons().size() - MAX_REASONS).append(" more reasons\n");
                break;
            }
            sb.append("- ").append(MarkdownText.inline(reason, 1000)).append('\n');
        }
        return sb.toString();
    }

    private static String runLine(Report report) {
        RunInfo run = report.run();
        StringBuilder sb = new StringBuilder();
        String url = run == null ? null : run.safeWebUrl();
        sb.append(url == null ? "Run " + report.runId()
                : "[Run " + report.runId() + "](" + MarkdownText.url(url) + ")");
        sb.append(" in organization ").append(report.orgId());
        if (run != null) {
            sb.append(" · status ").append(MarkdownText.inline(run.status().normalized(), 100));
            if (run.status().raw() != null && !run.status().raw().equals(run.status().normalized())) {
                sb.append(" (sent as ").append(MarkdownText.inline(run.status().raw(), 100)).append(')');
            }
        }
        sb.append(" · ").append(HumanFormat.plural(report.logsFetched(), "log entry", "log entries")).append(" fetched");
        sb.append(" · watched for ").append(HumanFormat.duration(report.duration())).append('\n');
        if (run != null && run.result() != null && !run.result().isBlank()) {
            sb.append("\n**Result:** ").append(MarkdownText.inline(run.result(), 2000)).append('\n');
        }
        return sb.toString();
    }

    private static String counts(RunSummary s) {
        if (s.countsByType().isEmpty()) {
            return "No log entries.\n";
        }
        StringBuilder sb = new StringBuilder("### Entries by type\n\n| Type | Entries |\n| --- | ---: |\n");
        for (Map.Entry<String, Long> e : s.countsByFrequency()) {
            sb.append("| ").append(MarkdownText.inline(e.getKey(), 100)).append(" | ").append(e.getValue()).append(" |\n");
        }
        return sb.toString();
    }

    private static String tools(RunSummary s) {
        if (s.tools().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("### Tools\n\n| Tool | Calls | Errors |\n| --- | ---: | ---: |\n");
        for (ToolStats t : s.toolsByCalls()) {
            sb.append("| ").append(MarkdownText.inline(t.name(), 100)).append(" | ").append(t.calls()).append(" | ")
                    .append(t.errors()).append(" |\n");
        }
        return sb.toString();
    }

    private static String failures(RunSummary s) {
        if (s.failureTotal() == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder("### Failing entries\n\n");
        if (s.failures().size() < s.failureTotal()) {
            sb.append("The first ").append(s.failures().size()).append(" of ").append(s.failureTotal()).append(".\n\n");
        }
        sb.append("| # | Time | Type | Tool | Message |\n| ---: | --- | --- | --- | --- |\n");
        for (FailureDetail f : s.failures()) {
            sb.append("| ").append(f.index())
                    .append(" | ").append(MarkdownText.inline(f.createdAt(), 40))
                    .append(" | ").append(MarkdownText.inline(f.type(), 60))
                    .append(" | ").append(MarkdownText.inline(f.tool(), 60))
                    .append(" | ").append(MarkdownText.inline(f.message(), 500)).append(" |\n");
        }
        return sb.toString();
    }

    private static String finalAnswer(RunSummary s) {
        if (s.finalAnswer() == null) {
            return "";
        }
        // already cut to SummaryAccumulator.FINAL_ANSWER_CHARS by the accumulator
        return "### Final answer\n\n" + MarkdownText.fenced(s.finalAnswer())
                + (s.finalAnswerTruncated() ? "\n_The final answer was cut; see summary.json for the kept part._\n" : "");
    }

    private static String requests(Report report) {
        RequestStats st = report.stats();
        return "### Requests\n\n" + HumanFormat.plural(st.requests(), "request", "requests") + ", "
                + HumanFormat.plural(st.retries(), "retry", "retries") + ", " + st.rateLimited() + " rate-limited (HTTP 429).\n";
    }

    private static String anomalies(Report report) {
        if (report.anomalyTotal() == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder("### Anomalies\n\n");
        for (Anomaly a : report.anomalies()) {
            sb.append("- ").append(a.kind()).append(" at entry ").append(a.skip()).append(": ")
                    .append(MarkdownText.inline(a.message(), 500)).append('\n');
        }
        if (report.anomalyTotal() > report.anomalies().size()) {
            sb.append("- and ").append(report.anomalyTotal() - report.anomalies().size()).append(" more\n");
        }
        return sb.toString();
    }

    private static String footer(Report report) {
        return "_Policy: " + MarkdownText.inline(report.policy().toString(), 1000) + ". Generated "
                + HumanFormat.dateTime(report.generatedAt()) + " by codegen-agent-logs._\n";
    }

    /** Appends whole sections while they fit, keeping room for the note that says the rest was left out. */
    private static final class Bounded {
        private static final String NOTE = "\n_This summary was cut at 1 MiB: see summary.json and report.html for the rest._\n";
        private final StringBuilder sb = new StringBuilder();
        private final int maxBytes;
        private int bytes;
        private boolean closed;

        Bounded(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        boolean add(String section) {
            if (closed) {
                return false;
            }
            int size = utf8Length(section);
            if (bytes + size + utf8Length(NOTE) > maxBytes) {
                sb.append(NOTE);
                bytes += utf8Length(NOTE);
                closed = true;
                return false;
            }
            sb.append(section);
            bytes += size;
            return true;
        }

        @Override
        public String toString() {
            return sb.toString();
        }

        static int utf8Length(String s) {
            return s.getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
