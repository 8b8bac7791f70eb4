package io.codegenagentlogs.core.report.render;

import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.Verdict;
import io.codegenagentlogs.core.report.FailureDetail;
import io.codegenagentlogs.core.report.Reasoning;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.RunSummary;
import io.codegenagentlogs.core.report.SummaryAccumulator;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * {@code junit.xml}: one test suite per run, for CI test-result views. Each rule of the gate that
 * can fail is a test case of its own, so that the numbers tell the same story as the summary: a
 * run with 3 failing entries has 3 failed test cases (plus one for the run status, or the loop
 * rule, only when those fail too). Test cases:
 * <ul>
 *   <li>{@code gate}: carries the verdict and its reasons. It errors when there was no verdict
 *       (TIMED_OUT, ERROR), and fails only for a FAILED verdict that no other test case shows; it
 *       passes otherwise, as the failed cases below already count the failure;</li>
 *   <li>{@code run status}: fails when the run ended badly and the policy fails on that; skipped when
 *       the run did not finish;</li>
 *   <li>{@code identical tool calls}: only when the policy's loop rule is on; fails when it is broken;</li>
 *   <li>one per listed failing entry, named {@code #index TYPE tool}: a failure, or skipped when their
 *       number is within the policy's {@code max_failures} (so that tolerated entries do not turn a
 *       passed gate into a failed test run); plus one for the failing entries not listed.</li>
 * </ul>
 * No CDATA: all text is escaped, so {@code ]]>} and {@code </testcase>} in agent text stay text.
 */
public final class JUnitXmlRenderer {
    private JUnitXmlRenderer() {
    }

    public static String render(Report report) {
        RunSummary s = report.summary();
        GateDecision d = report.decision();
        String suite = "codegen-agent-run-" + report.runId();
        String classname = "codegen.agent.run." + report.runId();
        // within max_failures the entries are not what fails the gate: skipped, not failed
        boolean tolerated = s.failureTotal() <= report.policy().maxFailures();

        StringBuilder cases = new StringBuilder(8192);
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;

        // the run status
        tests++;
        RunInfo run = report.run();
        open(cases, classname, "run status", 0);
        if (run == null) {
            skipped++;
            cases.append("    <skipped message=\"no run information was received\"/>\n");
        } else if (run.status().isFailure()) {
            String msg = "the run ended with status " + run.status().normalized();
            if (report.policy().failOnRunStatus()) {
                failures++;
                problem(cases, "failure", run.status().normalized(), msg, msg + statusDetail(run));
            } else {
                systemOut(cases, msg + "; the policy does not fail on the run status" + statusDetail(run));
            }
        } else if (!run.status().isTerminal()) {
            skipped++;
            cases.append("    <skipped message=\"")
                    .append(XmlText.line("the run did not finish: status " + run.status().normalized(), 300))
                    .append("\"/>\n");
        } else {
            systemOut(cases, "the run ended with status " + run.status().normalized() + statusDetail(run));
        }
        cases.append("  </testcase>\n");

        // the loop rule, when it is on
        int maxCalls = report.policy().maxIdenticalCalls();
        if (maxCalls > 0) {
            tests++;
            open(cases, classname, "identical tool calls", 0);
            Reasoning r = s.reasoning();
            String msg = "the same " + nullToEmpty(r.maxCallTool()) + " call (same input) was made " + r.maxCalls()
                    + " times; the policy allows " + maxCalls;
            if (r.maxCalls() > maxCalls) {
                failures++;
                problem(cases, "failure", "IDENTICAL_CALLS", msg, msg);
            } else {
                systemOut(cases, r.maxCalls() < 2 ? "no tool call was repeated with the same input" : msg);
            }
            cases.append("  </testcase>\n");
        }

        // failing entries
        for (FailureDetail f : s.failures()) {
            tests++;
            String name = "#" + f.index() + " " + f.type() + (f.tool() == null ? "" : " " + f.tool());
            open(cases, classname, name, 0);
            String detail = "entry #" + f.index() + " (line " + (f.index() + 1) + " of logs.ndjson)\ncreated_at: "
                    + nullToEmpty(f.createdAt()) + "\ntype: " + f.type() + "\ntool: " + nullToEmpty(f.tool()) + "\n\n"
                    + (f.text() == null || f.text().isBlank() ? f.message() : f.text()) + "\n\nraw JSON: " + f.raw();
            if (tolerated) {
                skipped++;
                cases.append("    <skipped message=\"tolerated: at most ").append(report.policy().maxFailures())
                        .append(" failing entries allowed\"/>\n");
                systemOut(cases, detail);
            } else {
                failures++;
                problem(cases, "failure", f.type(), f.message().isEmpty() ? f.type() : f.message(), detail);
            }
            cases.append("  </testcase>\n");
        }
        long unlisted = s.failureTotal() - s.failures().size();
        if (unlisted > 0) {
            tests++;
            open(cases, classname, unlisted + " more failing entries", 0);
            String msg = unlisted + " more failing entries, not listed (see logs.ndjson)";
            if (tolerated) {
                skipped++;
                cases.append("    <skipped message=\"").append(XmlText.line(msg, 300)).append("\"/>\n");
            } else {
                failures++;
                problem(cases, "failure", "FAILING_ENTRIES", msg, msg);
            }
            cases.append("  </testcase>\n");
        }

        // the gate itself, first: it fails only when no case above shows why
        StringBuilder gate = new StringBuilder(1024);
        tests++;
        open(gate, classname, "gate", report.duration().toMillis());
        if (d.verdict() == Verdict.TIMED_OUT || d.verdict() == Verdict.ERROR) {
            errors++;
            problem(gate, "error", d.verdict().name(), String.join("; ", d.reasons()), String.join("\n", d.reasons()));
        } else if (d.verdict() == Verdict.FAILED && failures == 0) {
            failures++;
            problem(gate, "failure", d.verdict().name(), String.join("; ", d.reasons()), String.join("\n", d.reasons()));
        } else {
            systemOut(gate, "verdict " + d.verdict().name() + ": " + String.join("\n", d.reasons()));
        }
        gate.append("  </testcase>\n");
        cases.insert(0, gate);

        String time = seconds(report.duration().toMillis());
        String timestamp = LocalDateTime.ofInstant(report.generatedAt().minus(report.duration()), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS).toString();
        StringBuilder sb = new StringBuilder(cases.length() + 2048);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuites name=\"codegen-agent-logs\" tests=\"").append(tests).append("\" failures=\"")
                .append(failures).append("\" errors=\"").append(errors).append("\" skipped=\"").append(skipped)
                .append("\" time=\"").append(time).append("\">\n");
        sb.append(" <testsuite name=\"").append(suite).append("\" tests=\"").append(tests).append("\" failures=\"")
                .append(failures).append("\" errors=\"").append(errors).append("\" skipped=\"").append(skipped)
                .append("\" time=\"").append(time).append("\" timestamp=\"").append(timestamp).append("\">\n");
        sb.append("  <properties>\n");
        property(sb, "verdict", d.verdict().name());
        property(sb, "org_id", Long.toString(report.orgId()));
        property(sb, "run_id", Long.toString(report.runId()));
        if (run != null) {
            property(sb, "run_status", run.status().normalized());
            if (run.safeWebUrl() != null) {
                property(sb, "web_url", run.safeWebUrl());
            }
        }
        property(sb, "logs_fetched", Long.toString(report.logsFetched()));
        property(sb, "failing_entries", Long.toString(s.failureTotal()));
        for (Map.Entry<String, Long> e : s.countsByType().entrySet()) {
            property(sb, "count." + e.getKey(), Long.toString(e.getValue()));
        }
        sb.append("  </properties>\n");
        sb.append(cases);
        sb.append(" </testsuite>\n</testsuites>\n");
        return sb.toString();
    }

    private static String statusDetail(RunInfo run) {
        return run.result() == null || run.result().isBlank() ? "" : "\nresult: " + run.result();
    }

    private static void open(StringBuilder sb, String classname, String name, long millis) {
        sb.append("  <testcase classname=\"").append(XmlText.line(classname, 200)).append("\" name=\"")
                .append(XmlText.line(name, 300)).append("\" time=\"").append(seconds(millis)).append("\">\n");
    }

    private static void problem(StringBuilder sb, String element, String type, String message, String body) {
        sb.append("    <").append(element).append(" message=\"").append(XmlText.line(message, 1000))
                .append("\" type=\"").append(XmlText.line(type, 200)).append("\">")
                .append(XmlText.lines(SummaryAccumulator.cut(body, SummaryAccumulator.FINAL_ANSWER_CHARS)))
                .append("</").append(element).append(">\n");
    }

    private static void systemOut(StringBuilder sb, String text) {
        sb.append("    <system-out>")
                .append(XmlText.lines(SummaryAccumulator.cut(text, SummaryAccumulator.FINAL_ANSWER_CHARS)))
                .append("</system-out>\n");
    }

    private static void property(StringBuilder sb, String name, String value) {
        sb.append("   <property name=\"").append(XmlText.line(name, 300)).append("\" value=\"")
                .append(XmlText.line(value, 1000)).append("\"/>\n");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, millis) / 1000.0);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
