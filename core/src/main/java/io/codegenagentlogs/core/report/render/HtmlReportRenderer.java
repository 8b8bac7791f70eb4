package io.codegenagentlogs.core.report.render;

import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.ReportFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.html}: the human report. It must render under Jenkins' default artifact CSP
 * ({@code sandbox; default-src 'none'; img-src 'self'; style-src 'self';}), so it has no script, no
 * {@code style=} and no event attribute, and takes its look from report.css beside it (raw JSON
 * folds away in {@code <details>}, which needs no script). It is also well-formed XML (every tag
 * closed, every text escaped), which lets tests check it with a parser. Links are made only from
 * http(s) URLs.
 *
 * <p>The reader's first question comes first: the verdict and its reasons, the key facts, the
 * failing entries and the final answer, then the run, what the agent changed, how it failed, where
 * the time went, whether it went in circles, and the counts. Every list in the model is bounded,
 * and the page as a whole never exceeds {@link #MAX_BYTES}: a section that would not fit is left
 * out whole, and a note at the end names it.
 */
public final class HtmlReportRenderer {
    /** 4 MiB of UTF-8: far above what the model's bounds produce (about 2 MiB at worst), a last line of defence. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final int FOOTER_RESERVE = 4096;

    private HtmlReportRenderer() {
    }

    /** A complete page that loads {@code report.css} from its own directory and links {@code logs.ndjson} beside it. */
    public static String renderDocument(Report report) {
        return renderDocument(report, MAX_BYTES);
    }

    static String renderDocument(Report report, int maxBytes) {
        String fragment = renderFragment(report, ReportFiles.LOGS_NDJSON, maxBytes);
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

    /** The body content alone, one {@code <div class="cal-report">}, for embedding; entries link to {@code logs.ndjson}. */
    public static String renderFragment(Report report) {
        return renderFragment(report, ReportFiles.LOGS_NDJSON, MAX_BYTES);
    }

    /**
     * @param logsHref where the page reaches the run's {@code logs.ndjson} (a relative URL of our own, not
     *     agent text; e.g. {@code "logs"} on the Jenkins action's page)
     */
    public static String renderFragment(Report report, String logsHref) {
        return renderFragment(report, logsHref, MAX_BYTES);
    }

    static String renderFragment(Report report, String logsHref, int maxBytes) {
        GateDecision d = report.decision();
        String verdictClass = "cal-verdict-" + d.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-');
        String href = XmlText.escape(logsHref);

        String header = HtmlSections.header(report, verdictClass);
        String footer = HtmlSections.footer(report);
        List<HtmlSection> all = new ArrayList<>();
        all.add(HtmlSections.failures(report, href));
        all.add(HtmlSections.finalAnswer(report));
        all.add(HtmlSections.run(report));
        all.add(HtmlInsights.changes(report, href));
        all.add(HtmlInsights.patterns(report, href));
        all.add(HtmlInsights.time(report, href));
        all.add(HtmlInsights.reasoning(report, href));
        all.add(HtmlInsights.types(report));
        all.add(HtmlInsights.linkedRuns(report, href));
        all.add(HtmlSections.requests(report));
        all.add(HtmlSections.anomalies(report));

        int budget = maxBytes - utf8(header) - utf8(footer) - FOOTER_RESERVE;
        List<HtmlSection> kept = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (HtmlSection section : all) {
            if (section == null) {
                continue;
            }
            int size = utf8(section.html()) + 200; // and its line in the contents
            if (size > budget && section.compact() != null && utf8(section.compact()) + 200 <= budget) {
                leftOut.add(section.title() + " (the full texts and raw JSON)");
                section = new HtmlSection(section.id(), section.title(), section.compact());
                size = utf8(section.html()) + 200;
            }
            if (size > budget) {
                leftOut.add(section.title());
                continue;
            }
            budget -= size;
            kept.add(section);
        }

        StringBuilder sb = new StringBuilder(16 * 1024);
        sb.append("<div class=\"cal-report ").append(verdictClass).append("\">\n").append(header);
        sb.append("<nav class=\"cal-contents\" aria-label=\"Sections\"><ul>");
        for (HtmlSection section : kept) {
            sb.append("<li><a href=\"#").append(section.id()).append("\">").append(XmlText.escape(section.title()))
                    .append("</a></li>");
        }
        sb.append("</ul></nav>\n");
        for (HtmlSection section : kept) {
            sb.append(section.html());
        }
        if (!leftOut.isEmpty()) {
            sb.append("<p class=\"cal-cut\">This page was kept under ").append(maxBytes / (1024 * 1024))
                    .append(" MiB, so these parts were left out: ")
                    .append(XmlText.escape(String.join(", ", leftOut)))
                    .append(". summary.json and logs.ndjson have everything.</p>\n");
        }
        sb.append(footer).append("</div>\n");
        return sb.toString();
    }

    static int utf8(String s) {
        // exact enough and much cheaper than encoding: most report text is ASCII
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    /** For tests: the exact size. */
    static int utf8Exact(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
