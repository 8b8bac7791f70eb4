package io.codegenagentlogs.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.codegenagentlogs.core.api.Ids;
import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.api.OneLine;
import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.console.ConsolePrinter;
import io.codegenagentlogs.core.gate.Gate;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.report.NdjsonReplay;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.report.ReportFiles;
import io.codegenagentlogs.core.report.RunSummary;
import io.codegenagentlogs.core.report.SummaryAccumulator;
import io.codegenagentlogs.core.report.render.ReportWriter;
import io.codegenagentlogs.core.watch.LogListener;
import io.codegenagentlogs.core.watch.WatchOutcome;
import io.codegenagentlogs.core.watch.WatchSnapshot;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "summarize",
        headerHeading = "%n",
        header = "Rebuild every report of a run from a saved logs.ndjson, without the API.",
        synopsisHeading = "%nUsage:%n  ",
        descriptionHeading = "%nDescription:%n",
        description = {
            "Reads a logs.ndjson (what gate writes into its report directory, or what logs --format ndjson "
                    + "prints), replays its entries through the same summary and gate as gate does, and writes "
                    + "summary.json, summary.md, report.html, report.css, junit.xml and a copy of the log into "
                    + "--report-dir. No request is made: for audits, for a policy tried on an old run, and for "
                    + "re-rendering old runs with a newer version.",
            "",
            "The log holds entries only. The run's status, id, organization and page come from --run-status, "
                    + "--run and --org when given, else from a summary.json beside the log, else the run id from "
                    + "the entries; a status known from nowhere is UNKNOWN and does not fail the gate.",
        },
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the rebuilt gate passed",
            "1:the rebuilt gate failed the run",
            "2:usage error: bad option, a file that cannot be read, a line that is not a log entry",
            "3:the report cannot be written",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  # the report of an earlier gate, rendered again",
            "  ${ROOT-COMMAND-NAME} summarize \\",
            "      --from codegen-agent-logs-report/logs.ndjson --report-dir again",
            "",
            "  # would a stricter policy have failed it?",
            "  ${ROOT-COMMAND-NAME} summarize --from run.ndjson \\",
            "      --fail-on ERROR,DETECT_PR_ERRORS --run-status COMPLETE --json",
        })
final class SummarizeCommand implements Callable<Integer>, Verbosity {
    static final String DEFAULT_REPORT_DIR = "codegen-agent-logs-summary";

    private final CliContext ctx;

    @Option(names = "--from", required = true, paramLabel = "FILE", order = 1,
            description = "The saved log: one JSON log entry per line, as gate's logs.ndjson.")
    String from;

    @Option(names = "--run", paramLabel = "ID", order = 2,
            description = "The run's id. Default: the summary.json beside the log, else the entries' agent_run_id.")
    String run;

    @Option(names = "--org", paramLabel = "ID", order = 3,
            description = "The run's organization. Default: the summary.json beside the log, else unknown (0).")
    String org;

    @Option(names = "--run-status", paramLabel = "STATUS", order = 4,
            description = "The status the run ended with (COMPLETE, FAILED...). Default: the summary.json beside "
                    + "the log, else UNKNOWN.")
    String runStatus;

    @Mixin
    PolicyOptions policy;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = DEFAULT_REPORT_DIR, order = 30,
            description = "Where the rebuilt report goes, relative to the working directory; it may be the "
                    + "log's own directory. Default: ${DEFAULT-VALUE}.")
    String reportDir;

    @Option(names = "--json", order = 31,
            description = "Print the rebuilt summary JSON on standard output, the rest on standard error.")
    boolean json;

    @Mixin
    VerboseOption verbosity;

    SummarizeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public boolean verbose() {
        return verbosity != null && verbosity.verbose;
    }

    @Override
    public Integer call() {
        ctx.useHumanStream(json);
        PrintStream human = ctx.human();
        GatePolicy gatePolicy = policy.policy();
        Path log = ctx.resolve(from);
        Path dir = ctx.resolve(reportDir);
        JsonObject saved = savedRun(log.resolveSibling(ReportFiles.SUMMARY_JSON));

        SummaryAccumulator summary = new SummaryAccumulator(gatePolicy, policy.changeRules());
        long[] firstRunId = {0};
        LogListener firstId = new LogListener() {
            @Override
            public void onEntry(long index, LogEntry entry) {
                if (firstRunId[0] == 0) {
                    firstRunId[0] = entry.agentRunId();
                }
            }
        };
        long entries;
        try {
            entries = NdjsonReplay.replay(log, LogListener.all(summary, firstId));
        } catch (NoSuchFileException e) {
            throw CliException.usage("No such file: " + log, "Pass the logs.ndjson of a report directory with --from");
        } catch (IOException e) {
            throw CliException.usage("Cannot read " + log + " (" + OneLine.of(e.getMessage(), 300) + ")",
                    "Pass a file with one JSON log entry per line, as gate's logs.ndjson");
        }
        long runId = id("run id (--run)", run, saved, "id", firstRunId[0]);
        long orgId = id("organization id (--org)", org, saved, "org_id", 0);
        String status = runStatus != null ? runStatus : text(saved, "status_raw", text(saved, "status", null));
        RunInfo info = new RunInfo(runId, orgId, status, text(saved, "created_at", null), text(saved, "web_url", null),
                text(saved, "result", null));
        summary.onRun(info);
        RunSummary s = summary.snapshot();
        WatchSnapshot snapshot = WatchSnapshot.start(orgId, Math.max(1, runId), System.currentTimeMillis());
        GateDecision decision = Gate.evaluate(gatePolicy, WatchOutcome.replayed(info, snapshot), s.countsByType(),
                s.reasoning().callRepeat());
        Report report = Report.builder()
                .summary(s)
                .decision(decision)
                .policy(gatePolicy)
                .orgId(orgId)
                .runId(runId)
                .generatedAt(Instant.now())
                .logsFetched(entries)
                .build();
        try {
            Files.createDirectories(dir);
            Path copy = dir.resolve(ReportFiles.LOGS_NDJSON);
            if (!Files.exists(copy) || !Files.isSameFile(copy, log)) {
                Files.copy(log, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            ReportWriter.writeAll(report, dir);
            if (json) {
                ctx.out().print(Files.readString(dir.resolve(ReportFiles.SUMMARY_JSON), StandardCharsets.UTF_8));
                ctx.out().flush();
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.API_ERROR, "Cannot write the report to " + dir + " (" + GateFlow.describe(e)
                    + "). Check the disk and the directory's permissions, or choose another --report-dir.", e);
        }
        human.println("Rebuilt from " + entries + " entr" + (entries == 1 ? "y" : "ies") + " of " + log
                + " (run " + runId + ", status " + info.status().normalized() + "); no request was made.");
        new ConsolePrinter(human, gatePolicy).printVerdict(decision);
        human.println("Report: " + dir + " (" + String.join(", ", GateFlow.REPORT_FILES) + ")");
        human.flush();
        return decision.passed() ? ExitCodes.PASSED : ExitCodes.GATE_FAILED;
    }


    /** The {@code run} object of a summary.json, or null when there is none or it does not parse. */
    private static JsonObject savedRun(Path summaryJson) {
        try {
            JsonElement root = JsonParser.parseString(Files.readString(summaryJson, StandardCharsets.UTF_8));
            JsonElement r = root.isJsonObject() ? root.getAsJsonObject().get("run") : null;
            return r != null && r.isJsonObject() ? r.getAsJsonObject() : null;
        } catch (IOException | RuntimeException absentOrNotOurs) {
            return null;
        }
    }

    private static String text(JsonObject o, String field, String fallback) {
        JsonElement e = o == null ? null : o.get(field);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : fallback;
    }

    private static long id(String what, String option, JsonObject saved, String field, long fallback) {
        String value = option != null ? option : text(saved, field, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Ids.parse(what, value);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e);
        }
    }
}
