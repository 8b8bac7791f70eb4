package io.codegenagentlogs.cli;

import io.codegenagentlogs.core.api.CodegenApiClient;
import io.codegenagentlogs.core.api.OneLine;
import io.codegenagentlogs.core.console.ConsolePrinter;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.report.ReportFiles;
import io.codegenagentlogs.core.session.GateRequest;
import io.codegenagentlogs.core.session.GateResult;
import io.codegenagentlogs.core.session.GateSession;
import io.codegenagentlogs.core.session.ReportDirInUseException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One gate as the CLI runs it ({@code gate} and {@code demo}): stream the entries, decide, write
 * the report, print the verdict and where the report is, and turn it into an exit code.
 */
final class GateFlow {
    /** The report files in the order they are worth opening. */
    static final List<String> REPORT_FILES = List.of(ReportFiles.SUMMARY_MD, ReportFiles.REPORT_HTML,
            ReportFiles.REPORT_CSS, ReportFiles.SUMMARY_JSON, ReportFiles.JUNIT_XML, ReportFiles.LOGS_NDJSON);

    /** How the results are shown. */
    record Output(boolean json, boolean quiet, boolean verbose, boolean noColor) {
    }

    /** What a finished gate came to. */
    record Finished(GateResult result, int exitCode) {
        GateDecision decision() {
            return result.decision();
        }
    }

    private GateFlow() {
    }

    static Finished run(CliContext ctx, CodegenApiClient client, GateRequest request, Path reportDir, Output output) {
        PrintStream human = output.json() ? ctx.err() : ctx.out();
        GithubMode github = ctx.github();
        // the terminal is standard output's: with --json, people's lines go elsewhere, plain
        Terminal terminal = output.json() ? Terminal.PLAIN : output.noColor() ? ctx.terminal().withoutColour() : ctx.terminal();
        TerminalOutput term = terminal.interactive() || terminal.colour() ? new TerminalOutput(human, terminal, ctx.columns()) : null;
        if (term != null) {
            human = term;
        }
        ConsolePrinter console = new ConsolePrinter(human, request.policy(), output.quiet());
        LiveProgress live = term == null ? null
                : new LiveProgress(term, console, request.policy(), terminal.interactive() && !output.quiet(), System::currentTimeMillis);
        GateSession session;
        try {
            session = GateSession.open(request, client, reportDir, null, live == null ? console : live);
        } catch (ReportDirInUseException e) {
            if (live != null) {
                live.close();
            }
            throw CliException.usage(e.getMessage(), "Give each gate its own --report-dir, or wait for the other one to end");
        } catch (IOException e) {
            if (live != null) {
                live.close();
            }
            throw CliException.usage("Cannot use the report directory " + reportDir + " (" + describe(e) + ")",
                    "Choose a writable directory with --report-dir");
        }
        GateResult result;
        ctx.onStop(session::cancel);
        String title = "Codegen agent run " + request.runId() + " (org " + request.orgId() + "): log";
        try (session; GithubMode.Region agentText = github == null ? null : new GithubMode.Region(human, title)) {
            result = session.runToEnd();
        } catch (IOException | UncheckedIOException e) {
            throw new CliException(ExitCodes.API_ERROR, "Cannot write the report to " + reportDir + " ("
                    + describe(e instanceof UncheckedIOException u ? u.getCause() : (IOException) e)
                    + "). Check the disk and the directory's permissions, or choose another --report-dir.", e);
        } finally {
            ctx.onStop(null);
            if (live != null) {
                live.close();
            }
        }
        if (output.json()) {
            try {
                ctx.out().print(Files.readString(reportDir.resolve(ReportFiles.SUMMARY_JSON), StandardCharsets.UTF_8));
                ctx.out().flush();
            } catch (IOException e) {
                throw new CliException(ExitCodes.API_ERROR, "Cannot read back " + ReportFiles.SUMMARY_JSON + " from "
                        + reportDir + " (" + describe(e) + "). Check the disk and the directory's permissions.", e);
            }
        }
        GateDecision decision = result.decision();
        try (GithubMode.Region reasons = github == null ? null : new GithubMode.Region(human, null)) {
            if (live != null) {
                live.printVerdict(decision);
            } else {
                console.printVerdict(decision);
            }
            // finish() wrote every report file, or threw
            human.println("Report: " + reportDir + " (" + String.join(", ", REPORT_FILES) + ")");
            human.flush();
        }
        if (github != null) {
            List<String> problems = new ArrayList<>();
            github.finish(human, result, reportDir, problems);
            for (String problem : problems) {
                human.println(WorkflowCommands.annotation("warning", "codegen-agent-logs", problem));
            }
            human.flush();
        }
        if (output.verbose() && result.outcome().error() != null) {
            ErrorHandlers.printStackTrace(ctx, result.outcome().error());
        }
        return new Finished(result, ExitCodes.of(decision.verdict(), result.outcome().kind()));
    }

    /** An I/O failure in a few words, without exception class names. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " already exists and is not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return OneLine.of(f.getReason(), 200);
        }
        return e.getMessage() == null ? "I/O error" : OneLine.of(e.getMessage(), 200);
    }
}
