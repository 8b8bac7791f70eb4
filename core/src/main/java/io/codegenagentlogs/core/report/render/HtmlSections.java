package io.codegenagentlogs.core.report.render;

import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.report.FailureDetail;
import io.codegenagentlogs.core.report.HumanFormat;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.RunSummary;
import io.codegenagentlogs.core.report.SafeText;
import io.codegenagentlogs.core.report.SummaryAccumulator;
import io.codegenagentlogs.core.watch.Anomaly;
import io.codegenagentlogs.core.watch.RequestStats;
import java.util.Locale;

/**
 * The HTML report's verdict-first sections: header (verdict, reasons, key facts), failing entries,
 * final answer, run, requests, anomalies, footer. Every agent string goes through {@link XmlText},
 * {@link HtmlText} or {@link SafeText}; nothing else is ever appended raw.
 */
final class HtmlSections {
    static final int MAX_REASONS = 50;

    private HtmlSections() {
    }

    static String header(Report report, String verdictClass) {
        GateDecision d = report.decision();
        StringBuilder sb = new StringBuilder(2048);
        sb.append("<header class=\"cal-header\">\n<h1>Codegen agent run ").append(report.runId()).append("</h1>\n");
        sb.append("<p class=\"cal-verdict ").append(verdictClass).append("\">Gate ")
                .append(MarkdownRenderer.verdictTitle(d.verdict())).append("</p>\n<ul class=\"cal-reasons\">\n");
        int shown = 0;
        for (String reason : d.reasons()) {
            if (shown++ == MAX_REASONS) {
                sb.append("<li>and ").append(d.reasons().size() - MAX_REASONS).append(" more reasons</li>\n");
                break;
            }
            sb.append("<li>").append(XmlText.line(reason, 1000)).append("</li>\n");
        }
        sb.append("</ul>\n");
        sb.append("<dl class=\"cal-meta cal-glance\">\n");
        for (KeyFacts.Fact f : KeyFacts.of(report)) {
            sb.append("<dt>").append(XmlText.escape(f.question())).append("</dt><dd>")
                    .append(XmlText.line(f.answer(), 600)).append("</dd>\n");
        }
        sb.append("</dl>\n</header>\n");
        return sb.toString();
    }

    static HtmlSection failures(Report report, String logsHref) {
        RunSummary s = report.summary();
        if (s.failureTotal() == 0) {
            return null;
        }
        return new HtmlSection("cal-failures", "Failing entries", failures(report, logsHref, true),
                failures(report, logsHref, false));
    }

    /** @param full with each entry's full text and raw JSON; else its one-line message alone */
    private static String failures(Report report, String logsHref, boolean full) {
        RunSummary s = report.summary();
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<section id=\"cal-failures\" class=\"cal-failures\">\n<h2>Failing entries</h2>\n<p class=\"cal-muted\">");
        if (s.failures().size() < s.failureTotal()) {
            sb.append("The first ").append(s.failures().size()).append(" of ").append(s.failureTotal()).append(". ");
        }
        sb.append("Entries of a type the gate fails on (").append(XmlText.line(String.join(", ", report.policy().failOnTypes()), 500))
                .append("). Entry #n is line n+1 of <a href=\"").append(logsHref).append("\">logs.ndjson</a>.</p>\n");
        sb.append("<table class=\"cal-table\">\n<thead><tr><th class=\"cal-num\">Entry</th><th class=\"cal-time\">Time (UTC)</th>")
                .append("<th>Type</th><th>Tool</th><th>Message</th></tr></thead>\n<tbody>\n");
        for (FailureDetail f : s.failures()) {
            String text = !full || f.text() == null || f.text().isBlank() ? f.message() : f.text();
            sb.append("<tr class=\"cal-t-fail\"><td class=\"cal-num\">").append(entryLink(logsHref, f.index())).append("</td>")
                    .append("<td class=\"cal-time\">").append(XmlText.line(HumanFormat.cell(f.createdAt()), 60)).append("</td>")
                    .append("<td>").append(XmlText.line(f.type(), 200)).append("</td>")
                    .append("<td>").append(XmlText.line(f.tool(), 200)).append("</td>")
                    .append("<td class=\"cal-message\"><div class=\"cal-human\">").append(HtmlText.linesWithLinks(text))
                    .append("</div>");
            if (full) {
                rawJson(sb, f.raw());
            }
            sb.append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n</section>\n");
        return sb.toString();
    }

    static HtmlSection finalAnswer(Report report) {
        RunSummary s = report.summary();
        if (s.finalAnswer() == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<section id=\"cal-final\" class=\"cal-final\">\n<h2>Final answer</h2>\n")
                .append("<div class=\"cal-human cal-final-answer\">")
                .append(HtmlText.linesWithLinks(s.finalAnswerText())) // already cut by the accumulator
                .append("</div>\n");
        if (!s.finalAnswer().equals(s.finalAnswerText())) {
            rawJson(sb, s.finalAnswer());
        }
        if (s.finalAnswerTruncated()) {
            sb.append("<p class=\"cal-muted\">The final answer was cut at ")
                    .append(SummaryAccumulator.FINAL_ANSWER_CHARS).append(" characters.</p>\n");
        }
        sb.append("</section>\n");
        return new HtmlSection("cal-final", "Final answer", sb.toString());
    }

    static HtmlSection run(Report report) {
        RunInfo run = report.run();
        RunSummary s = report.summary();
        StringBuilder sb = new StringBuilder(2048);
        sb.append("<section id=\"cal-run\" class=\"cal-run\">\n<h2>Run</h2>\n<dl class=\"cal-meta\">\n");
        String url = run == null ? null : run.safeWebUrl();
        sb.append("<dt>Run</dt><dd>");
        if (url != null) {
            sb.append(HtmlText.link(url, Long.toString(report.runId())));
        } else {
            sb.append(report.runId());
            if (run != null && run.webUrl() != null) {
                sb.append(" <span class=\"cal-muted\">(link withheld, not an http(s) URL: ")
                        .append(XmlText.line(run.webUrl(), 200)).append(")</span>");
            }
        }
        sb.append("</dd>\n");
        dd(sb, "Organization", Long.toString(report.orgId()));
        if (run != null) {
            sb.append("<dt>Status</dt><dd><span class=\"cal-status cal-phase-")
                    .append(run.status().phase().name().toLowerCase(Locale.ROOT).replace('_', '-')).append("\">")
                    .append(XmlText.line(run.status().normalized(), 100)).append("</span>");
            if (run.status().raw() != null && !run.status().raw().equals(run.status().normalized())) {
                sb.append(" <span class=\"cal-muted\">(sent as ").append(XmlText.line(run.status().raw(), 100))
                        .append(")</span>");
            }
            sb.append("</dd>\n");
            if (run.createdAt() != null) {
                dd(sb, "Created", HumanFormat.dateTime(run.createdAt()));
            }
        }
        dd(sb, "Log entries fetched", Long.toString(report.logsFetched()));
        if (s.firstEntryAt() != null) {
            dd(sb, "First entry", HumanFormat.dateTime(s.firstEntryAt()));
            dd(sb, "Last entry", HumanFormat.dateTime(s.lastEntryAt()));
        }
        dd(sb, "Watched for", HumanFormat.duration(report.duration()));
        sb.append("</dl>\n");
        if (run != null && run.result() != null && !run.result().isBlank()) {
            sb.append("<h3>Result</h3>\n<div class=\"cal-human cal-result\">")
                    .append(HtmlText.linesWithLinks(SummaryAccumulator.cut(run.result(), SummaryAccumulator.FINAL_ANSWER_CHARS)))
                    .append("</div>\n");
        }
        sb.append("</section>\n");
        return new HtmlSection("cal-run", "Run", sb.toString());
    }

    static HtmlSection requests(Report report) {
        RequestStats st = report.stats();
        StringBuilder sb = new StringBuilder(512);
        sb.append("<section id=\"cal-requests\" class=\"cal-requests\">\n<h2>Requests</h2>\n<dl class=\"cal-meta\">\n");
        dd(sb, "HTTP requests", Long.toString(st.requests()));
        dd(sb, "Retries", Long.toString(st.retries()));
        dd(sb, "Rate-limited (HTTP 429)", Long.toString(st.rateLimited()));
        sb.append("</dl>\n</section>\n");
        return new HtmlSection("cal-requests", "Requests", sb.toString());
    }

    static HtmlSection anomalies(Report report) {
        if (report.anomalyTotal() == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder(1024);
        sb.append("<section id=\"cal-anomalies\" class=\"cal-anomalies\">\n<h2>Anomalies</h2>\n<ul>\n");
        for (Anomaly a : report.anomalies()) {
            sb.append("<li><strong>").append(a.kind()).append("</strong> at entry ").append(a.skip()).append(": ")
                    .append(XmlText.line(a.message(), 1000)).append("</li>\n");
        }
        if (report.anomalyTotal() > report.anomalies().size()) {
            sb.append("<li>and ").append(report.anomalyTotal() - report.anomalies().size()).append(" more</li>\n");
        }
        sb.append("</ul>\n</section>\n");
        return new HtmlSection("cal-anomalies", "Anomalies", sb.toString());
    }

    static String footer(Report report) {
        return "<footer class=\"cal-footer\">Policy: " + XmlText.line(report.policy().toString(), 1000) + ". Generated "
                + HumanFormat.dateTime(report.generatedAt()) + " by codegen-agent-logs.</footer>\n";
    }

    /** {@code #7}, linked to the run's logs.ndjson (where it is line 8). */
    static String entryLink(String logsHref, long index) {
        return "<a href=\"" + logsHref + "\" title=\"line " + (index + 1) + " of logs.ndjson\">#" + index + "</a>";
    }

    /** The raw JSON, folded: one click away, no script. */
    static void rawJson(StringBuilder sb, String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        sb.append("<details class=\"cal-raw\"><summary>Raw JSON</summary><pre>").append(XmlText.lines(raw))
                .append("</pre></details>");
    }

    /** A term (our own text) and its value (escaped). */
    static void dd(StringBuilder sb, String term, String value) {
        sb.append("<dt>").append(term).append("</dt><dd>").append(XmlText.line(value, 1000)).append("</dd>\n");
    }
}
