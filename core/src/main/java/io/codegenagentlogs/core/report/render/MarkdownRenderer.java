package io.codegenagentlogs.core.report.render;

import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.Verdict;
import io.codegenagentlogs.core.report.ChangeExtractor;
import io.codegenagentlogs.core.report.FailureDetail;
import io.codegenagentlogs.core.report.HumanFormat;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.RunSummary;
import io.codegenagentlogs.core.report.SummaryAccumulator;
import io.codegenagentlogs.core.watch.Anomaly;
import io.codegenagentlogs.core.watch.RequestStats;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code summary.md}: a GitHub-flavoured summary for a job summary page or a pull-request comment.
 * The verdict, the answers at a glance, the failing entries and the final answer come first, then
 * the insights. GitHub refuses step summaries above 1 MiB, so the output never exceeds
 * {@link #MAX_BYTES} UTF-8 bytes: sections are added whole while they fit, and a note names the
 * ones left out.
 *
 * <p>Agent text goes through {@link MarkdownText} only. The one piece of HTML is our own
 * {@code <details>} around a fenced block of raw JSON, which GitHub shows folded.
 */
public final class MarkdownRenderer {
    /** 1 MiB, GitHub's limit for a step summary. */
    public static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_REASONS = 50;
    /** Failing entries whose raw JSON is included (folded), and how much of it. */
    static final int RAW_ENTRIES = 20;
    static final int RAW_CHARS = 2000;

    private MarkdownRenderer() {
    }

    public static String render(Report report) {
        return render(report, MAX_BYTES);
    }

    /** With another cap, for tests: every part is bounded on its own, so 1 MiB is hard to reach. */
    static String render(Report report, int maxBytes) {
        Bounded out = new Bounded(maxBytes);
        out.add("headline", headline(report));
        out.add("key facts", keyFacts(report));
        out.add("failing entries", failures(report.summary()));
        out.add("final answer", finalAnswer(report.summary()));
        out.add("run", runLine(report));
        out.add("changes", MarkdownInsights.changes(report.summary()));
        out.add("failure patterns", MarkdownInsights.patterns(report.summary()));
        out.add("tools", MarkdownInsights.tools(report.summary()));
        out.add("reasoning and loops", MarkdownInsights.reasoning(report));
        out.add("entries by type", MarkdownInsights.counts(report.summary()));
        out.add("linked runs", MarkdownInsights.linkedRuns(report.summary()));
        out.add("requests", requests(report));
        out.add("anomalies", anomalies(report));
        out.add("footer", footer(report));
        return out.finish();
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

    private static String keyFacts(Report report) {
        StringBuilder sb = new StringBuilder();
        for (KeyFacts.Fact f : KeyFacts.of(report)) {
            sb.append("**").append(f.question()).append(":** ").append(MarkdownText.inline(f.answer(), 600)).append("  \n");
        }
        return sb.toString();
    }

    private static String failures(RunSummary s) {
        if (s.failureTotal() == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder("### Failing entries\n\n");
        if (s.failures().size() < s.failureTotal()) {
            sb.append("The first ").append(s.failures().size()).append(" of ").append(s.failureTotal()).append(". ");
        }
        sb.append("Entry #n is line n+1 of `logs.ndjson`.\n\n");
        sb.append("| Entry | Time (UTC) | Type | Tool | Message |\n| ---: | --- | --- | --- | --- |\n");
        for (FailureDetail f : s.failures()) {
            sb.append("| ").append(f.index())
                    .append(" | ").append(MarkdownText.inline(HumanFormat.cell(f.createdAt()), 40))
                    .append(" | ").append(MarkdownText.inline(f.type(), 60))
                    .append(" | ").append(MarkdownText.inline(f.tool(), 60))
                    .append(" | ").append(MarkdownText.inline(f.message(), 500)).append(" |\n");
        }
        int raw = 0;
        for (FailureDetail f : s.failures()) {
            if (raw++ == RAW_ENTRIES) {
                break;
            }
            String text = f.text() == null || f.text().isBlank() ? f.message() : f.text();
            sb.append("\n<details><summary>Entry ").append(f.index()).append(": full text and raw JSON</summary>\n\n")
                    .append(MarkdownText.fenced(SummaryAccumulator.bound(text, RAW_CHARS))).append('\n')
                    .append(MarkdownText.fenced(SummaryAccumulator.bound(f.raw(), RAW_CHARS))).append("\n</details>\n");
        }
        return sb.toString();
    }

    private static String finalAnswer(RunSummary s) {
        if (s.finalAnswer() == null) {
            return "";
        }
        // already cut to SummaryAccumulator.FINAL_ANSWER_CHARS by the accumulator
        StringBuilder sb = new StringBuilder("### Final answer\n\n").append(MarkdownText.fenced(s.finalAnswerText()));
        List<String> prs = new ArrayList<>();
        ChangeExtractor.pullRequests(new com.google.gson.JsonPrimitive(s.finalAnswerText()), 5, prs);
        if (!prs.isEmpty()) {
            sb.append("\nPull requests: ");
            for (int i = 0; i < prs.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(MarkdownInsights.link(prs.get(i)));
            }
            sb.append('\n');
        }
        if (s.finalAnswerTruncated()) {
            sb.append("\n_The final answer was cut; see summary.json for the kept part._\n");
        }
        return sb.toString();
    }

    private static String runLine(Report report) {
        RunInfo run = report.run();
        StringBuilder sb = new StringBuilder("### Run\n\n");
        String url = run == null ? null : run.safeWebUrl();
        sb.append(url == null ? "Run " + report.runId()
                : "[Run " + report.runId() + "](" + MarkdownText.url(url) + ")");
        sb.append(" in organization ").append(report.orgId());
        if (run != null) {
            sb.append(" · status ").append(MarkdownText.inline(run.status().normalized(), 100));
            if (run.status().raw() != null && !run.status().raw().equals(run.status().normalized())) {
                sb.append(" (sent as ").append(MarkdownText.inline(run.status().raw(), 100)).append(')');
            }
            if (run.createdAt() != null) {
                sb.append(" · created ").append(MarkdownText.inline(HumanFormat.dateTime(run.createdAt()), 60));
            }
        }
        sb.append(" · ").append(HumanFormat.plural(report.logsFetched(), "log entry", "log entries")).append(" fetched");
        RunSummary s = report.summary();
        if (s.firstEntryAt() != null) {
            sb.append(" · entries from ").append(HumanFormat.dateTime(s.firstEntryAt())).append(" to ")
                    .append(HumanFormat.dateTime(s.lastEntryAt()));
        }
        sb.append(" · watched for ").append(HumanFormat.duration(report.duration())).append('\n');
        if (run != null && run.result() != null && !run.result().isBlank()) {
            sb.append("\n**Result:** ").append(MarkdownText.inline(run.result(), 2000)).append('\n');
        }
        return sb.toString();
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

    /** Appends whole sections while they fit, keeping room for the note that names what was left out. */
    private static final class Bounded {
        static final String NOTE_START = "\n_This summary was cut at 1 MiB; left out: ";
        static final String NOTE_END = ". See summary.json and report.html for the rest._\n";
        private static final int NOTE_RESERVE = 400;
        private final StringBuilder sb = new StringBuilder();
        private final List<String> leftOut = new ArrayList<>();
        private final int maxBytes;
        private int bytes;

        Bounded(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        void add(String name, String section) {
            if (section.isEmpty()) {
                return;
            }
            String text = section + "\n";
            int size = utf8Length(text);
            if (bytes + size + NOTE_RESERVE > maxBytes) {
                leftOut.add(name);
                return;
            }
            sb.append(text);
            bytes += size;
        }

        String finish() {
            if (!leftOut.isEmpty()) {
                sb.append(NOTE_START).append(String.join(", ", leftOut)).append(NOTE_END);
            }
            return sb.toString();
        }

        static int utf8Length(String s) {
            return s.getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
