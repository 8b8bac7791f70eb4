package io.codegenagentlogs.cli;

import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.Verdict;
import io.codegenagentlogs.core.report.FailureDetail;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.ReportFiles;
import io.codegenagentlogs.core.report.RunSummary;
import io.codegenagentlogs.core.report.SafeText;
import io.codegenagentlogs.core.session.GateResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the CLI does differently when {@code GITHUB_ACTIONS=true}: mask the token, fold the streamed
 * log into a group where workflow commands are switched off, annotate failing entries, and hand
 * the verdict to the workflow as step outputs and a job summary.
 */
final class GithubMode {
    /** The step outputs the CLI writes, in order; action.yml declares the same. */
    static final List<String> OUTPUT_NAMES = List.of("verdict", "status", "logs-fetched", "failures", "error-count",
            "web-url", "report-dir", "reasons");

    /** GitHub shows ten error annotations per step; more would be dropped silently. */
    static final int MAX_ERROR_ANNOTATIONS = 10;

    private final Path outputFile;
    private final Path summaryFile;

    private GithubMode(Path outputFile, Path summaryFile) {
        this.outputFile = outputFile;
        this.summaryFile = summaryFile;
    }

    /** The mode when {@code GITHUB_ACTIONS} is {@code true}, else null. */
    static GithubMode detect(Map<String, String> env) {
        if (!"true".equals(env.get("GITHUB_ACTIONS"))) {
            return null;
        }
        return new GithubMode(path(env.get("GITHUB_OUTPUT")), path(env.get("GITHUB_STEP_SUMMARY")));
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    /** Prints {@code ::add-mask::} for a secret, before anything could show it. */
    static void mask(PrintStream out, String secret) {
        if (secret != null && !secret.isBlank()) {
            out.println(WorkflowCommands.addMask(secret.strip()));
            out.flush();
        }
    }

    /**
     * A stretch of output that may hold agent text: workflow commands are off until {@link
     * Region#close()}, with a token made for this stretch alone.
     */
    static final class Region implements AutoCloseable {
        private final PrintStream out;
        private final String token = WorkflowCommands.newToken();
        private final String group;

        Region(PrintStream out, String groupTitle) {
            this.out = out;
            this.group = groupTitle;
            if (group != null) {
                out.println(WorkflowCommands.group(group));
            }
            out.println(WorkflowCommands.stopCommands(token));
            out.flush();
        }

        @Override
        public void close() {
            out.println(WorkflowCommands.resumeCommands(token));
            if (group != null) {
                out.println(WorkflowCommands.endGroup());
            }
            out.flush();
        }
    }

    /** Annotations, outputs and the job summary of a finished gate. */
    void finish(PrintStream out, GateResult result, Path reportDir, List<String> problems) {
        for (String line : annotations(result.report())) {
            out.println(line);
        }
        out.flush();
        if (outputFile != null) {
            try {
                StepFiles.appendOutputs(outputFile, outputs(result, reportDir));
            } catch (IOException e) {
                problems.add("Cannot write the step outputs to $GITHUB_OUTPUT (" + GateFlow.describe(e) + ")");
            }
        }
        if (summaryFile != null) {
            try {
                String markdown = Files.readString(reportDir.resolve(ReportFiles.SUMMARY_MD));
                StepFiles.appendSummary(summaryFile, markdown, "**Summary cut here**: GitHub shows at most 1 MiB of a "
                        + "step summary. The whole summary is in " + ReportFiles.SUMMARY_MD + " of the report directory.");
            } catch (IOException e) {
                problems.add("Cannot write the job summary to $GITHUB_STEP_SUMMARY (" + GateFlow.describe(e) + ")");
            }
        }
    }

    /**
     * At most {@link #MAX_ERROR_ANNOTATIONS} annotations, one per failing entry (warnings when the
     * gate tolerated them), then one notice for the rest; a gate that did not pass without any
     * failing entry gets one error naming why.
     */
    static List<String> annotations(Report report) {
        List<String> lines = new ArrayList<>();
        GateDecision d = report.decision();
        RunSummary s = report.summary();
        String level = d.verdict() == Verdict.PASSED ? "warning" : "error";
        int shown = 0;
        for (FailureDetail f : s.failures()) {
            if (shown == MAX_ERROR_ANNOTATIONS) {
                break;
            }
            String title = "Codegen agent run " + report.runId() + ": " + f.type() + " at "
                    + (f.createdAt() == null ? "unknown time" : f.createdAt()) + " (entry #" + f.index() + ")";
            String message = (f.tool() == null ? "" : f.tool() + ": ") + (f.message().isEmpty() ? f.type() : f.message());
            lines.add(WorkflowCommands.annotation(level, title, message));
            shown++;
        }
        long more = s.failureTotal() - shown;
        if (more > 0) {
            lines.add(WorkflowCommands.annotation("notice", "Codegen agent run " + report.runId() + ": " + more
                    + " more failing entr" + (more == 1 ? "y" : "ies"),
                    "Only the first " + shown + " failing entries are annotated; the job summary and "
                            + ReportFiles.SUMMARY_JSON + " list more, " + ReportFiles.LOGS_NDJSON + " has them all."));
        }
        if (shown == 0 && d.verdict() != Verdict.PASSED) {
            lines.add(WorkflowCommands.annotation("error", "Codegen agent run " + report.runId() + ": "
                    + verdictTitle(d.verdict()), String.join("; ", d.reasons())));
        }
        return lines;
    }

    /** The step outputs, as the action declares them (action.yml). */
    static Map<String, String> outputs(GateResult result, Path reportDir) {
        Report report = result.report();
        RunInfo run = report.run();
        GateDecision d = result.decision();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("verdict", d.verdict().name());
        out.put("status", run == null ? "" : run.status().normalized());
        out.put("logs-fetched", Long.toString(report.logsFetched()));
        out.put("failures", Long.toString(d.failingEntries()));
        out.put("error-count", Long.toString(report.summary().count("ERROR")));
        out.put("web-url", run == null || run.safeWebUrl() == null ? "" : run.safeWebUrl());
        out.put("report-dir", reportDir.toString());
        List<String> reasons = new ArrayList<>();
        for (String r : d.reasons()) {
            reasons.add(SafeText.oneLine(r, 1000));
        }
        out.put("reasons", String.join("\n", reasons));
        return out;
    }

    private static String verdictTitle(Verdict v) {
        return switch (v) {
            case PASSED -> "gate passed";
            case FAILED -> "gate failed";
            case TIMED_OUT -> "gate timed out";
            case ERROR -> "no verdict (error)";
        };
    }
}
