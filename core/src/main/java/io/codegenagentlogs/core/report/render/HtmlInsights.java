package io.codegenagentlogs.core.report.render;

import io.codegenagentlogs.core.report.AuditTrail;
import io.codegenagentlogs.core.report.ChangeRecord;
import io.codegenagentlogs.core.report.DurationStats;
import io.codegenagentlogs.core.report.FailurePattern;
import io.codegenagentlogs.core.report.FailurePatterns;
import io.codegenagentlogs.core.report.HumanFormat;
import io.codegenagentlogs.core.report.LinkedRun;
import io.codegenagentlogs.core.report.Reasoning;
import io.codegenagentlogs.core.report.RepeatedCall;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.RunSummary;
import io.codegenagentlogs.core.report.TimedCall;
import io.codegenagentlogs.core.report.ToolStats;
import java.util.List;

/**
 * The HTML report's insight sections: changes made by the agent, failure patterns, where the time
 * went, reasoning and loops, entries by type, linked runs. Pure functions of the report model; every
 * agent string goes through {@link XmlText} or {@link HtmlText}.
 */
final class HtmlInsights {
    private HtmlInsights() {
    }

    static HtmlSection changes(Report report, String logsHref) {
        AuditTrail a = report.summary().audit();
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<section id=\"cal-changes\" class=\"cal-changes\">\n<h2>Changes made by the agent</h2>\n");
        if (a.isEmpty()) {
            sb.append("<p>No code-changing tool call, pull request or commit was found.</p>\n");
        } else {
            sb.append("<p>").append(XmlText.escape(HumanFormat.plural(a.changeTotal(), "code-changing call", "code-changing calls")))
                    .append(" on ").append(XmlText.escape(HumanFormat.plural(a.fileTotal(), "file", "files")))
                    .append(a.fileTotalExact() ? "" : " or more").append(", ")
                    .append(XmlText.escape(HumanFormat.plural(a.pullRequests().size(), "pull request", "pull requests")))
                    .append(", ").append(XmlText.escape(HumanFormat.plural(a.commits().size(), "commit", "commits")))
                    .append(".</p>\n");
            if (!a.pullRequests().isEmpty()) {
                sb.append("<h3>Pull requests</h3>\n<ul class=\"cal-prs\">\n");
                for (String pr : a.pullRequests()) {
                    sb.append("<li>").append(HtmlText.link(pr, pr)).append("</li>\n");
                }
                sb.append("</ul>\n");
            }
            if (!a.commits().isEmpty()) {
                sb.append("<h3>Commits</h3>\n<p class=\"cal-commits\">");
                for (int i = 0; i < a.commits().size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append("<code>").append(XmlText.line(a.commits().get(i), 40)).append("</code>");
                }
                sb.append("</p>\n");
            }
            if (!a.files().isEmpty()) {
                sb.append("<details class=\"cal-files\"><summary>")
                        .append(XmlText.escape(HumanFormat.plural(a.files().size(), "file", "files"))).append(" touched")
                        .append(a.files().size() < a.fileTotal() ? " (the first " + a.files().size() + ")" : "")
                        .append("</summary>\n<ul>\n");
                for (String f : a.files()) {
                    sb.append("<li><code>").append(XmlText.line(f, AuditTrail.MAX_PATH_CHARS)).append("</code></li>\n");
                }
                sb.append("</ul></details>\n");
            }
            if (!a.changes().isEmpty()) {
                sb.append("<h3>In time order</h3>\n");
                if (a.changes().size() < a.changeTotal()) {
                    sb.append("<p class=\"cal-muted\">The first ").append(a.changes().size()).append(" of ")
                            .append(a.changeTotal()).append(".</p>\n");
                }
                sb.append("<table class=\"cal-table\">\n<thead><tr><th class=\"cal-num\">Entry</th><th class=\"cal-time\">Time (UTC)</th>")
                        .append("<th>Tool</th><th>What</th><th>Result</th></tr></thead>\n<tbody>\n");
                for (ChangeRecord c : a.changes()) {
                    sb.append("<tr").append(c.failed() ? " class=\"cal-failed\"" : "").append("><td class=\"cal-num\">")
                            .append(HtmlSections.entryLink(logsHref, c.index())).append("</td><td class=\"cal-time\">")
                            .append(XmlText.line(HumanFormat.cell(c.createdAt()), 60)).append("</td><td>")
                            .append(XmlText.line(c.tool(), 200)).append("</td><td>");
                    what(sb, c);
                    sb.append("</td><td>");
                    result(sb, c);
                    sb.append("</td></tr>\n");
                }
                sb.append("</tbody>\n</table>\n");
            }
        }
        sb.append("<p class=\"cal-muted\">Code-changing calls are calls of tools whose name matches ")
                .append(XmlText.line(report.summary().audit().rules(), 1000))
                .append(", and shell commands that run git commit, push, merge, rebase, reset, revert, cherry-pick or tag, "
                        + "or open a pull request (gh pr create...). Files are the paths in their tool_input; pull requests "
                        + "and commits are read from their tool_output and observation (and from the PR-agent entries and "
                        + "the final answer), never from user messages or failures.</p>\n");
        sb.append("</section>\n");
        return new HtmlSection("cal-changes", "Changes made by the agent", sb.toString());
    }

    private static void what(StringBuilder sb, ChangeRecord c) {
        boolean any = false;
        for (String f : c.files()) {
            sb.append(any ? "<br/>" : "").append("<code>").append(XmlText.line(f, AuditTrail.MAX_PATH_CHARS)).append("</code>");
            any = true;
        }
        if (c.command() != null) {
            sb.append(any ? "<br/>" : "").append("<code>").append(XmlText.line(c.command(), 300)).append("</code>");
        }
    }

    private static void result(StringBuilder sb, ChangeRecord c) {
        boolean any = false;
        if (c.failed()) {
            sb.append("<strong>failed</strong>");
            any = true;
        }
        for (String pr : c.pullRequests()) {
            sb.append(any ? "<br/>" : "").append(HtmlText.link(pr, pr));
            any = true;
        }
        for (String sha : c.commits()) {
            sb.append(any ? "<br/>" : "").append("commit <code>").append(XmlText.line(sha, 40)).append("</code>");
            any = true;
        }
    }

    static HtmlSection patterns(Report report, String logsHref) {
        FailurePatterns p = report.summary().failurePatterns();
        if (p.entries() == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<section id=\"cal-patterns\" class=\"cal-patterns\">\n<h2>Failure patterns</h2>\n<p class=\"cal-muted\">")
                .append(HumanFormat.plural(p.entries(), "failing or ERROR entry", "failing or ERROR entries"))
                .append(" in ").append(HumanFormat.plural(p.groupTotal(), "group", "groups"))
                .append(p.groupTotal() > p.groups().size() ? " (the " + p.groups().size() + " largest shown)" : "")
                .append(p.ungrouped() > 0 ? "; " + p.ungrouped() + " more not grouped" : "")
                .append(". Grouped by tool and message, with numbers, paths, URLs and ids masked.</p>\n");
        sb.append("<table class=\"cal-table\">\n<thead><tr><th class=\"cal-num\">Count</th><th>Tool</th><th>Pattern</th>")
                .append("<th>First</th><th>First message</th></tr></thead>\n<tbody>\n");
        for (FailurePattern g : p.groups()) {
            sb.append("<tr><td class=\"cal-num\">").append(g.count()).append("</td><td>").append(XmlText.line(g.tool(), 200))
                    .append("</td><td><code>").append(XmlText.line(g.pattern(), 300)).append("</code><br/><span class=\"cal-muted\">")
                    .append(XmlText.line(g.types(), 300)).append("</span></td><td class=\"cal-time\">")
                    .append(HtmlSections.entryLink(logsHref, g.firstIndex())).append("<br/>")
                    .append(XmlText.line(HumanFormat.cell(g.firstCreatedAt()), 60)).append("</td><td class=\"cal-message\">")
                    .append(HtmlText.lineWithLinks(g.firstMessage(), 500)).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n</section>\n");
        return new HtmlSection("cal-patterns", "Failure patterns", sb.toString());
    }

    static HtmlSection time(Report report, String logsHref) {
        RunSummary s = report.summary();
        String svg = SvgCharts.timelineChart(report);
        if (svg.isEmpty() && s.tools().isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<section id=\"cal-time\" class=\"cal-time-section\">\n<h2>Where the time went</h2>\n");
        if (!svg.isEmpty()) {
            sb.append("<figure>").append(svg).append("<figcaption>Each mark is an entry. Red: failing entries; orange: "
                    + "other ERROR entries and failed changes; blue: code changes; green: the final answer; grey: "
                    + "everything else").append(s.timelineStride() > 1 ? " (one in " + s.timelineStride() + " shown)" : "")
                    .append(".</figcaption></figure>\n");
        }
        List<ToolStats> tools = s.toolsByCalls();
        if (!tools.isEmpty()) {
            sb.append("<h3>Tools</h3>\n<table class=\"cal-table cal-tools\">\n<thead><tr><th>Tool</th>")
                    .append("<th class=\"cal-num\">Calls</th><th class=\"cal-num\">ERROR entries</th><th class=\"cal-num\">Failed calls</th>")
                    .append("<th class=\"cal-num\">Total time</th><th class=\"cal-num\">Median</th><th class=\"cal-num\">p95</th>")
                    .append("<th class=\"cal-num\">Max</th></tr></thead>\n<tbody>\n");
            for (ToolStats t : tools) {
                DurationStats d = t.time();
                sb.append("<tr").append(t.errors() > 0 ? " class=\"cal-has-errors\"" : "").append("><td>")
                        .append(XmlText.line(t.name(), 200)).append("</td><td class=\"cal-num\">").append(t.calls())
                        .append("</td><td class=\"cal-num").append(t.errorEntries() > 0 ? " cal-errors" : "").append("\">")
                        .append(t.errorEntries()).append("</td><td class=\"cal-num").append(t.failedCalls() > 0 ? " cal-errors" : "")
                        .append("\">").append(t.failedCalls()).append("</td>");
                for (String cell : d == null ? new String[] {"", "", "", ""} : new String[] {"≈" + HumanFormat.millis(d.totalMillis()),
                        HumanFormat.millis(d.medianMillis()), HumanFormat.millis(d.p95Millis()), HumanFormat.millis(d.maxMillis())}) {
                    sb.append("<td class=\"cal-num\">").append(XmlText.escape(cell)).append("</td>");
                }
                sb.append("</tr>\n");
            }
            sb.append("</tbody>\n</table>\n<p class=\"cal-muted\">").append(XmlText.escape(TOOLS_LEGEND)).append("</p>\n");
        }
        if (!s.slowestCalls().isEmpty()) {
            sb.append("<h3>Longest calls</h3>\n<table class=\"cal-table cal-slowest\">\n<thead><tr><th class=\"cal-num\">Entry</th>")
                    .append("<th class=\"cal-time\">Time (UTC)</th><th>Tool</th><th class=\"cal-num\">Took (approx.)</th></tr></thead>\n<tbody>\n");
            for (TimedCall c : s.slowestCalls()) {
                sb.append("<tr><td class=\"cal-num\">").append(HtmlSections.entryLink(logsHref, c.index()))
                        .append("</td><td class=\"cal-time\">").append(XmlText.line(HumanFormat.cell(c.createdAt()), 60))
                        .append("</td><td>").append(XmlText.line(c.tool(), 200)).append("</td><td class=\"cal-num\">")
                        .append(XmlText.escape(HumanFormat.millis(c.millis()))).append("</td></tr>\n");
            }
            sb.append("</tbody>\n</table>\n");
        }
        sb.append("</section>\n");
        return new HtmlSection("cal-time", "Where the time went", sb.toString());
    }

    /** What the tool table's columns mean: the same words in every renderer. */
    static final String TOOLS_LEGEND = "Calls: entries naming the tool. ERROR entries: those of them of type ERROR. Failed calls: "
            + "the others whose observation or tool_output reports a failure (status error/failed/failure, a non-empty "
            + "error, a non-zero exit_code); a command that fails is often logged both ways. Times are approximate: "
            + "from a call's entry to the next entry, so they include the agent's thinking after the tool returned.";

    static HtmlSection reasoning(Report report, String logsHref) {
        Reasoning r = report.summary().reasoning();
        StringBuilder sb = new StringBuilder(2048);
        sb.append("<section id=\"cal-reasoning\" class=\"cal-reasoning\">\n<h2>Reasoning and loops</h2>\n<dl class=\"cal-meta\">\n");
        HtmlSections.dd(sb, "Entries", Long.toString(report.summary().entriesSeen()));
        HtmlSections.dd(sb, "Actions", Long.toString(r.actions()));
        HtmlSections.dd(sb, "Plan evaluations", Long.toString(r.planEvaluations()));
        HtmlSections.dd(sb, "Actions per plan evaluation",
                r.actionsPerPlanEvaluation() == null ? "no plan evaluation" : HumanFormat.ratio(r.actionsPerPlanEvaluation()));
        HtmlSections.dd(sb, "Tool calls", r.toolCalls() + " (" + r.distinctCalls() + " distinct, ERROR entries aside"
                + (r.untrackedCalls() > 0 ? ", " + r.untrackedCalls() + " not checked for repeats" : "") + ")");
        HtmlSections.dd(sb, "Repeated calls", r.repeatedTotal() + " made more than once, " + r.loopTotal()
                + " made " + Reasoning.LOOP_CALLS + " times or more (possible loops)");
        int max = report.policy().maxIdenticalCalls();
        HtmlSections.dd(sb, "Loop rule", max == 0 ? "off" : "fail when one identical call is made more than " + max
                + " times: " + (r.maxCalls() > max ? "broken (" + r.maxCalls() + " times)" : "kept"));
        sb.append("</dl>\n");
        if (!r.repeatedCalls().isEmpty()) {
            sb.append("<table class=\"cal-table\">\n<thead><tr><th class=\"cal-num\">Calls</th><th>Tool</th><th>Same input</th>")
                    .append("<th class=\"cal-num\">First</th></tr></thead>\n<tbody>\n");
            for (RepeatedCall c : r.repeatedCalls()) {
                boolean loop = c.calls() >= Reasoning.LOOP_CALLS;
                sb.append("<tr").append(loop ? " class=\"cal-loop\"" : "").append("><td class=\"cal-num\">").append(c.calls())
                        .append(loop ? " <strong>possible loop</strong>" : "").append("</td><td>")
                        .append(XmlText.line(c.tool(), 200)).append("</td><td><code>")
                        .append(c.input() == null ? "(no input)" : XmlText.line(c.input(), 300)).append("</code></td><td class=\"cal-num\">")
                        .append(HtmlSections.entryLink(logsHref, c.firstIndex())).append("</td></tr>\n");
            }
            sb.append("</tbody>\n</table>\n");
        }
        sb.append("</section>\n");
        return new HtmlSection("cal-reasoning", "Reasoning and loops", sb.toString());
    }

    /** The counts once, as a picture (its SVG title lists them in words for screen readers). */
    static HtmlSection types(Report report) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<section id=\"cal-types\" class=\"cal-counts\">\n<h2>Entries by type</h2>\n");
        String svg = SvgCharts.countsChart(report);
        sb.append(svg.isEmpty() ? "<p>No log entries.</p>\n" : "<figure>" + svg + "</figure>\n");
        sb.append("</section>\n");
        return new HtmlSection("cal-types", "Entries by type", sb.toString());
    }

    static HtmlSection linkedRuns(Report report, String logsHref) {
        RunSummary s = report.summary();
        if (s.linkedRunTotal() == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder(1024);
        sb.append("<section id=\"cal-links\" class=\"cal-links\">\n<h2>Linked runs</h2>\n");
        if (s.linkedRuns().size() < s.linkedRunTotal()) {
            sb.append("<p class=\"cal-muted\">The first ").append(s.linkedRuns().size()).append(" of ")
                    .append(s.linkedRunTotal()).append(".</p>\n");
        }
        sb.append("<ul>\n");
        for (LinkedRun l : s.linkedRuns()) {
            String label = l.runId() != null ? "run " + l.runId() : l.url() != null ? l.url() : "a run";
            sb.append("<li>").append(HtmlSections.entryLink(logsHref, l.index())).append(' ')
                    .append(l.url() == null ? XmlText.escape(label) : HtmlText.link(l.url(), label));
            if (!l.text().isEmpty()) {
                sb.append(": ").append(XmlText.line(l.text(), 300));
            }
            sb.append("</li>\n");
        }
        sb.append("</ul>\n</section>\n");
        return new HtmlSection("cal-links", "Linked runs", sb.toString());
    }
}
