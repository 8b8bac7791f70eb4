package io.codegenagentlogs.core.report.render;

import io.codegenagentlogs.core.report.AuditTrail;
import io.codegenagentlogs.core.report.FailurePattern;
import io.codegenagentlogs.core.report.FailurePatterns;
import io.codegenagentlogs.core.report.HumanFormat;
import io.codegenagentlogs.core.report.Reasoning;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.RunSummary;
import io.codegenagentlogs.core.report.ToolStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The report's answers at a glance, one line each, to the questions people open it with: why it
 * failed, what the agent changed, where the time went, what went wrong and how often, whether it
 * went in circles. Plain text with agent text inside (tool names, messages): renderers escape it.
 */
public final class KeyFacts {
    /** @param question a short label of our own; @param answer one line, agent text included */
    public record Fact(String question, String answer) {
    }

    private KeyFacts() {
    }

    public static List<Fact> of(Report report) {
        RunSummary s = report.summary();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Failing entries", failing(report)));
        facts.add(new Fact("Changes", changes(s.audit())));
        facts.add(new Fact("Time", time(s)));
        facts.add(new Fact("Errors", errors(s)));
        facts.add(new Fact("Loops", loops(report)));
        return facts;
    }

    private static String failing(Report report) {
        RunSummary s = report.summary();
        if (s.failureTotal() == 0) {
            return "none";
        }
        StringJoiner types = new StringJoiner(", ");
        for (Map.Entry<String, Long> e : s.countsByFrequency()) {
            if (report.policy().isFailing(e.getKey())) {
                types.add(e.getValue() + " " + e.getKey());
            }
        }
        String first = s.failures().isEmpty() ? "" : "; first: #" + s.failures().get(0).index()
                + (s.failures().get(0).tool() == null ? "" : " " + s.failures().get(0).tool()) + ": " + s.failures().get(0).message();
        return s.failureTotal() + " (" + types + ")" + first;
    }

    private static String changes(AuditTrail a) {
        if (a.isEmpty()) {
            return "no code-changing call";
        }
        return HumanFormat.plural(a.changeTotal(), "code-changing call", "code-changing calls") + " on "
                + HumanFormat.plural(a.fileTotal(), "file", "files") + (a.fileTotalExact() ? "" : " or more") + "; "
                + (a.pullRequests().isEmpty() ? "no pull request" : HumanFormat.plural(a.pullRequests().size(),
                        "pull request", "pull requests") + " (" + String.join(", ", a.pullRequests().subList(0,
                        Math.min(3, a.pullRequests().size()))) + (a.pullRequests().size() > 3 ? ", …" : "") + ")")
                + "; " + HumanFormat.plural(a.commits().size(), "commit", "commits");
    }

    private static String time(RunSummary s) {
        Duration span = s.span();
        StringBuilder sb = new StringBuilder();
        sb.append(span == null ? "no readable timestamps" : HumanFormat.duration(span) + " from the first entry to the last");
        List<ToolStats> byTime = s.toolsByTime();
        if (!byTime.isEmpty()) {
            ToolStats top = byTime.get(0);
            sb.append("; most time in ").append(top.name()).append(" (").append(HumanFormat.millis(top.time().totalMillis()))
                    .append(" over ").append(HumanFormat.plural(top.time().count(), "call", "calls")).append(", approximate)");
        }
        return sb.toString();
    }

    private static String errors(RunSummary s) {
        long errorEntries = s.count("ERROR");
        long failedCalls = s.tools().values().stream().mapToLong(ToolStats::failedCalls).sum();
        FailurePatterns p = s.failurePatterns();
        StringBuilder sb = new StringBuilder();
        sb.append(HumanFormat.plural(errorEntries, "ERROR entry", "ERROR entries")).append(", ")
                .append(HumanFormat.plural(failedCalls, "failed call", "failed calls"));
        if (!p.groups().isEmpty() && p.groups().get(0).count() < 2) {
            sb.append("; ").append(HumanFormat.plural(p.groupTotal(), "failure pattern", "failure patterns"))
                    .append(", none repeated");
        } else if (!p.groups().isEmpty()) {
            FailurePattern top = p.groups().get(0);
            sb.append("; ").append(HumanFormat.plural(p.groupTotal(), "failure pattern", "failure patterns"))
                    .append(", most frequent ").append(top.count()).append("×")
                    .append(top.tool() == null ? "" : " " + top.tool()).append(": ").append(top.pattern());
        }
        return sb.toString();
    }

    private static String loops(Report report) {
        Reasoning r = report.summary().reasoning();
        int max = report.policy().maxIdenticalCalls();
        String rule = max > 0 ? " (the gate allows " + max + ")" : "";
        if (r.maxCalls() < 2) {
            return r.toolCalls() == 0 ? "no tool calls" : "no tool call was repeated with the same input" + rule;
        }
        String top = "the same " + r.maxCallTool() + " call " + r.maxCalls() + " times" + rule;
        if (r.loopTotal() == 0) {
            return "no possible loop; most repeated: " + top;
        }
        return HumanFormat.plural(r.loopTotal(), "possible loop", "possible loops") + " (a call made "
                + Reasoning.LOOP_CALLS + "+ times with the same input); worst: " + top;
    }
}
