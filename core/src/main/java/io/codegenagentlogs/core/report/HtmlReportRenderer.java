package io.codegenagentlogs.core.report;

import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.watch.Anomaly;
import io.codegenagentlogs.core.watch.RequestStats;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: the human report. It must render under Jenkins' default artifact CSP
 * ({@code sandbox; default-src 'none'; img-src 'self'; style-src 'self';}), so it has no script, no
 * {@code style=} and no event attribute, and takes its look from report.css beside it. It is also
 * well-formed XML (every tag closed, every text escaped), which lets tests check it with a parser.
 * Links are made only from http(s) URLs.
 */
public final class HtmlReportRenderer {
    private HtmlReportRenderer() {
    }

    /** A complete page that loads {@code report.css} from its own directory. */
    public static String renderDocument(Report report) {
        String fragment = renderFragment(report);
        StringBuilder sb = new StringBuilder(fragment.length() + 512);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\"/>\n")
                .append("<title>Codegen agent run ").append(report.runId()).append(": ")
                .append(MarkdownRenderer.verdictTitle(report.decision().verdict())).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(ReportFiles.REPORT_CSS).append("\"/>\n")
                .append("</head>\n<body>\n").append(fragment).append("</body>\n</html>\n");
        return sb.toString();
    }

    /** The body content alone, one {@code <div class="cal-report">}, for embedding in another page. */
    public static String renderFragment(Report report) {
        RunSummary s = report.summary();
        GateDecision d = report.decision();
        String verdictClass = "cal-verdict-" + d.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-');
        StringBuilder sb = new StringBuilder(16 * 1024);
        sb.append("<div class=\"cal-report ").append(verdictClass).append("\">\n");

        sb.append("<header class=\"cal-header\">\n<h1>Codegen agent run ").append(report.runId()).append("</h1>\n");
        sb.append("<p class=\"cal-verdict ").append(verdictClass).append("\">Gate ")
                .append(MarkdownRenderer.verdictTitle(d.verdict())).append("</p>\n<ul class=\"cal-reasons\">\n");
        for (String reason : d.reasons()) {
            sb.append("<li>").append(XmlText.line(reason, 1000)).append("</li>\n");
        }
        sb.append("</ul>\n</header>\n");

        runSection(sb, report);
        countsSection(sb, report);
        timelineSection(sb, report);
        toolsSection(sb, s);
        failuresSection(sb, s);
        finalAnswerSection(sb, s);
        requestsSection(sb, report);
        anomaliesSection(sb, report);

        sb.append("<footer class=\"cal-footer\">Policy: ").append(XmlText.line(report.policy().toString(), 1000))
                .append(". Generated ").append(HumanFormat.dateTime(report.generatedAt()))
                .append(" by codegen-agent-logs.</footer>\n</div>\n");
        return sb.toString();
    }

    private static void runSection(StringBuilder sb, Report report) {
        RunInfo run = report.run();
        RunSummary s = report.summary();
        sb.append("<section class=\"cal-run\">\n<h2>Run</h2>\n<dl class=\"cal-meta\">\n");
        String url = run == null ? null : run.safeWebUrl();
        dt(sb, "Run");
        sb.append("<dd>");
        if (url != null) {
            sb.append("<a href=\"").append(XmlText.url(url)).append("\" rel=\"noopener noreferrer nofollow\">")
                    .append(report.runId()).append("</a>");
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
                dd(sb, "Created", run.createdAt());
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
            sb.append("<h3>Result</h3>\n<pre class=\"cal-result\">")
                    .append(XmlText.lines(SummaryAccumulator.cut(run.result(), SummaryAccumulator.FINAL_ANSWER_CHARS)))
                    .append("</pre>\n");
        }
        sb.append("</section>\n");
    }

    private static void countsSection(StringBuilder sb, Report report) {
        Map<String, Long> counts = report.summary().countsByType();
        sb.append("<section class=\"cal-counts\">\n<h2>Entries by type</h2>\n");
        if (counts.isEmpty()) {
            sb.append("<p>No log entries.</p>\n</section>\n");
            return;
        }
        sb.append("<figure>").append(SvgCharts.countsChart(report)).append("</figure>\n");
        sb.append("<table class=\"cal-table\">\n<thead><tr><th>Type</th><th class=\"cal-num\">Entries</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, Long> e : report.summary().countsByFrequency()) {
            sb.append("<tr class=\"").append(SvgCharts.typeClass(e.getKey(), report.policy())).append("\"><td>")
                    .append(XmlText.line(e.getKey(), 200)).append("</td><td class=\"cal-num\">").append(e.getValue())
                    .append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n</section>\n");
    }

    private static void timelineSection(StringBuilder sb, Report report) {
        String svg = SvgCharts.timelineChart(report);
        if (!svg.isEmpty()) {
            sb.append("<section class=\"cal-timeline-section\">\n<h2>Timeline</h2>\n<figure>").append(svg)
                    .append("<figcaption>Red: failing types; green: final answer; grey: everything else.</figcaption>")
                    .append("</figure>\n</section>\n");
        }
    }

    private static void toolsSection(StringBuilder sb, RunSummary s) {
        if (s.tools().isEmpty()) {
            return;
        }
        sb.append("<section class=\"cal-tools\">\n<h2>Tools</h2>\n<table class=\"cal-table\">\n")
                .append("<thead><tr><th>Tool</th><th class=\"cal-num\">Calls</th><th class=\"cal-num\">Errors</th></tr></thead>\n<tbody>\n");
        for (ToolStats t : s.toolsByCalls()) {
            sb.append("<tr").append(t.errors() > 0 ? " class=\"cal-has-errors\"" : "").append("><td>")
                    .append(XmlText.line(t.name(), 200)).append("</td><td class=\"cal-num\">").append(t.calls())
                    .append("</td><td class=\"cal-num\">").append(t.errors()).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n</section>\n");
    }

    private static void failuresSection(StringBuilder sb, RunSummary s) {
        if (s.failureTotal() == 0) {
            return;
        }
        sb.append("<section class=\"cal-failures\">\n<h2>Failing entries</h2>\n");
        if (s.failures().size() < s.failureTotal()) {
            sb.append("<p>The first ").append(s.failures().size()).append(" of ").append(s.failureTotal()).append(".</p>\n");
        }
        sb.append("<table class=\"cal-table\">\n<thead><tr><th class=\"cal-num\">#</th><th>Time</th><th>Type</th>")
                .append("<th>Tool</th><th>Message</th></tr></thead>\n<tbody>\n");
        for (FailureDetail f : s.failures()) {
            sb.append("<tr><td class=\"cal-num\">").append(f.index()).append("</td><td>")
                    .append(XmlText.line(f.createdAt(), 60)).append("</td><td>").append(XmlText.line(f.type(), 200))
                    .append("</td><td>").append(XmlText.line(f.tool(), 200)).append("</td><td class=\"cal-message\">")
                    .append(XmlText.line(f.message(), 1000)).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n</section>\n");
    }

    private static void finalAnswerSection(StringBuilder sb, RunSummary s) {
        if (s.finalAnswer() == null) {
            return;
        }
        sb.append("<section class=\"cal-final\">\n<h2>Final answer</h2>\n<pre class=\"cal-final-answer\">")
                .append(XmlText.lines(s.finalAnswer())) // already cut by the accumulator
                .append("</pre>\n");
        if (s.finalAnswerTruncated()) {
            sb.append("<p class=\"cal-muted\">The final answer was cut at ")
                    .append(SummaryAccumulator.FINAL_ANSWER_CHARS).append(" characters.</p>\n");
        }
        sb.append("</section>\n");
    }

    private static void requestsSection(StringBuilder sb, Report report) {
        RequestStats st = report.stats();
        sb.append("<section class=\"cal-requests\">\n<h2>Requests</h2>\n<dl class=\"cal-meta\">\n");
        dd(sb, "HTTP requests", Long.toString(st.requests()));
        dd(sb, "Retries", Long.toString(st.retries()));
        dd(sb, "Rate-limited (HTTP 429)", Long.toString(st.rateLimited()));
        sb.append("</dl>\n</section>\n");
    }

    private static void anomaliesSection(StringBuilder sb, Report report) {
        if (report.anomalyTotal() == 0) {
            return;
        }
        sb.append("<section class=\"cal-anomalies\">\n<h2>Anomalies</h2>\n<ul>\n");
        for (Anomaly a : report.anomalies()) {
            sb.append("<li><strong>").append(a.kind()).append("</strong> at entry ").append(a.skip()).append(": ")
                    .append(XmlText.line(a.message(), 1000)).append("</li>\n");
        }
        if (report.anomalyTotal() > report.anomalies().size()) {
            sb.append("<li>and ").append(report.anomalyTotal() - report.anomalies().size()).append(" more</li>\n");
        }
        sb.append("</ul>\n</section>\n");
    }

    private static void dt(StringBuilder sb, String term) {
        sb.append("<dt>").append(term).append("</dt>");
    }

    /** A term (our own text) and its value (escaped). */
    private static void dd(StringBuilder sb, String term, String value) {
        dt(sb, term);
        sb.append("<dd>").append(XmlText.line(value, 1000)).append("</dd>\n");
    }
}
