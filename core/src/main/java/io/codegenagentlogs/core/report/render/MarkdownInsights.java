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
import io.codegenagentlogs.core.report.SafeUrl;
import io.codegenagentlogs.core.report.TimedCall;
import io.codegenagentlogs.core.report.ToolStats;
import java.util.Map;

/**
 * The Markdown summary's insight sections: changes made by the agent, failure patterns, tools and
 * their times, reasoning and loops, entries by type, linked runs. Pure functions of the model; agent
 * text goes through {@link MarkdownText} only, and links only to URLs that passed {@link SafeUrl}.
 */
final class MarkdownInsights {
    /** Rows per table here: the summary is for a glance, summary.json and report.html have the rest. */
    static final int MAX_ROWS = 50;

    private MarkdownInsights() {
    }

    static String changes(RunSummary s) {
        AuditTrail a = s.audit();
        StringBuilder sb = new StringBuilder("### Changes made by the agent\n\n");
        if (a.isEmpty()) {
            return sb.append("No code-changing tool call, pull request or commit was found.\n").toString();
        }
        sb.append(HumanFormat.plural(a.changeTotal(), "code-changing call", "code-changing calls")).append(" on ")
                .append(HumanFormat.plural(a.fileTotal(), "file", "files")).append(a.fileTotalExact() ? "" : " or more")
                .append(", ").append(HumanFormat.plural(a.pullRequests().size(), "pull request", "pull requests"))
                .append(", ").append(HumanFormat.plural(a.commits().size(), "commit", "commits")).append(".\n\n");
        if (!a.pullRequests().isEmpty()) {
            sb.append("Pull requests: ");
            for (int i = 0; i < a.pullRequests().size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(link(a.pullRequests().get(i)));
            }
            sb.append("\n\n");
        }
        if (!a.commits().isEmpty()) {
            sb.append("Commits: ").append(MarkdownText.inline(String.join(", ", a.commits()), 2000)).append("\n\n");
        }
        if (!a.changes().isEmpty()) {
            sb.append("| Entry | Time (UTC) | Tool | What | Result |\n| ---: | --- | --- | --- | --- |\n");
            int rows = 0;
            for (ChangeRecord c : a.changes()) {
                if (rows++ == MAX_ROWS) {
                    break;
                }
                String what = String.join(", ", c.files()) + (c.command() == null ? "" : (c.files().isEmpty() ? "" : ", ") + c.command());
                String result = (c.failed() ? "failed " : "") + String.join(", ", c.pullRequests())
                        + (c.commits().isEmpty() ? "" : " commit " + String.join(", ", c.commits()));
                sb.append("| ").append(c.index()).append(" | ").append(MarkdownText.inline(HumanFormat.cell(c.createdAt()), 40))
                        .append(" | ").append(MarkdownText.inline(c.tool(), 60)).append(" | ")
                        .append(MarkdownText.inline(what, 300)).append(" | ").append(MarkdownText.inline(result.strip(), 300))
                        .append(" |\n");
            }
            if (a.changeTotal() > Math.min(MAX_ROWS, a.changes().size())) {
                sb.append("\nThe first ").append(Math.min(MAX_ROWS, a.changes().size())).append(" of ").append(a.changeTotal())
                        .append(" changes; report.html and summary.json list more.\n");
            }
        }
        return sb.toString();
    }

    static String patterns(RunSummary s) {
        FailurePatterns p = s.failurePatterns();
        if (p.entries() == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder("### Failure patterns\n\n");
        sb.append(HumanFormat.plural(p.entries(), "failing or ERROR entry", "failing or ERROR entries")).append(" in ")
                .append(HumanFormat.plural(p.groupTotal(), "group", "groups"))
                .append(p.ungrouped() > 0 ? " (" + p.ungrouped() + " more not grouped)" : "")
                .append("; numbers, paths, URLs and ids masked.\n\n");
        sb.append("| Count | Tool | Pattern | First entry | First message |\n| ---: | --- | --- | ---: | --- |\n");
        int rows = 0;
        for (FailurePattern g : p.groups()) {
            if (rows++ == MAX_ROWS) {
                break;
            }
            sb.append("| ").append(g.count()).append(" | ").append(MarkdownText.inline(g.tool(), 60)).append(" | ")
                    .append(MarkdownText.inline(g.pattern(), 200)).append(" | ").append(g.firstIndex()).append(" | ")
                    .append(MarkdownText.inline(g.firstMessage(), 300)).append(" |\n");
        }
        return sb.toString();
    }

    static String tools(RunSummary s) {
        if (s.tools().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("### Tools and where the time went\n\n");
        sb.append("| Tool | Calls | ERROR entries | Failed calls | Total time | Median | p95 | Max |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        int rows = 0;
        for (ToolStats t : s.toolsByCalls()) {
            if (rows++ == MAX_ROWS) {
                break;
            }
            DurationStats d = t.time();
            sb.append("| ").append(MarkdownText.inline(t.name(), 100)).append(" | ").append(t.calls()).append(" | ")
                    .append(t.errorEntries()).append(" | ").append(t.failedCalls()).append(" | ")
                    .append(d == null ? " | | |" : "≈" + HumanFormat.millis(d.totalMillis()) + " | " + HumanFormat.millis(d.medianMillis())
                            + " | " + HumanFormat.millis(d.p95Millis()) + " | " + HumanFormat.millis(d.maxMillis()))
                    .append(" |\n");
        }
        sb.append('\n').append(MarkdownText.inline(HtmlInsights.TOOLS_LEGEND, 2000)).append('\n');
        if (!s.slowestCalls().isEmpty()) {
            sb.append("\nLongest calls (approximate):\n\n| Entry | Time (UTC) | Tool | Took |\n| ---: | --- | --- | ---: |\n");
            for (TimedCall c : s.slowestCalls()) {
                sb.append("| ").append(c.index()).append(" | ").append(MarkdownText.inline(HumanFormat.cell(c.createdAt()), 40))
                        .append(" | ").append(MarkdownText.inline(c.tool(), 60)).append(" | ").append(HumanFormat.millis(c.millis()))
                        .append(" |\n");
            }
        }
        return sb.toString();
    }

    static String reasoning(Report report) {
        Reasoning r = report.summary().reasoning();
        StringBuilder sb = new StringBuilder("### Reasoning and loops\n\n");
        sb.append(HumanFormat.plural(r.actions(), "action", "actions")).append(", ")
                .append(HumanFormat.plural(r.planEvaluations(), "plan evaluation", "plan evaluations"))
                .append(r.actionsPerPlanEvaluation() == null ? ""
                        : " (" + HumanFormat.ratio(r.actionsPerPlanEvaluation()) + " actions per plan evaluation)")
                .append(", ").append(HumanFormat.plural(r.toolCalls(), "tool call", "tool calls")).append(" (")
                .append(r.distinctCalls()).append(" distinct, ERROR entries aside). ")
                .append(r.repeatedTotal()).append(" made more than once, ").append(r.loopTotal()).append(" made ")
                .append(Reasoning.LOOP_CALLS).append(" times or more (possible loops).");
        int max = report.policy().maxIdenticalCalls();
        if (max > 0) {
            sb.append(" Loop rule: fail above ").append(max).append(" identical calls: ")
                    .append(r.maxCalls() > max ? "**broken** (" + r.maxCalls() + ")" : "kept").append('.');
        }
        sb.append('\n');
        if (!r.repeatedCalls().isEmpty()) {
            sb.append("\n| Calls | Tool | Same input | First entry |\n| ---: | --- | --- | ---: |\n");
            for (RepeatedCall c : r.repeatedCalls()) {
                sb.append("| ").append(c.calls()).append(c.calls() >= Reasoning.LOOP_CALLS ? " (possible loop)" : "")
                        .append(" | ").append(MarkdownText.inline(c.tool(), 60)).append(" | ")
                        .append(c.input() == null ? "(no input)" : MarkdownText.inline(c.input(), 200)).append(" | ")
                        .append(c.firstIndex()).append(" |\n");
            }
        }
        return sb.toString();
    }

    /** The counts once, as a table (the HTML report draws them). */
    static String counts(RunSummary s) {
        if (s.countsByType().isEmpty()) {
            return "### Entries by type\n\nNo log entries.\n";
        }
        StringBuilder sb = new StringBuilder("### Entries by type\n\n| Type | Entries |\n| --- | ---: |\n");
        for (Map.Entry<String, Long> e : s.countsByFrequency()) {
            sb.append("| ").append(MarkdownText.inline(e.getKey(), 100)).append(" | ").append(e.getValue()).append(" |\n");
        }
        return sb.toString();
    }

    static String linkedRuns(RunSummary s) {
        if (s.linkedRunTotal() == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder("### Linked runs\n\n");
        for (LinkedRun l : s.linkedRuns()) {
            String label = l.runId() != null ? "run " + l.runId() : "a run";
            sb.append("- entry ").append(l.index()).append(": ")
                    .append(l.url() == null ? MarkdownText.inline(label, 60) : "[" + MarkdownText.inline(label, 60) + "]("
                            + MarkdownText.url(l.url()) + ")")
                    .append(l.text().isEmpty() ? "" : ": " + MarkdownText.inline(l.text(), 300)).append('\n');
        }
        if (s.linkedRunTotal() > s.linkedRuns().size()) {
            sb.append("- and ").append(s.linkedRunTotal() - s.linkedRuns().size()).append(" more\n");
        }
        return sb.toString();
    }

    /** A link to a URL that {@link SafeUrl} accepts, showing the URL (escaped, so not linked twice); else the text. */
    static String link(String url) {
        String safe = SafeUrl.http(url);
        String label = MarkdownText.inline(url, 300);
        return safe == null ? label : "[" + label + "](" + MarkdownText.url(safe) + ")";
    }
}
