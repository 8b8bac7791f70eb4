package io.codegenagentlogs.cli;

import io.codegenagentlogs.core.api.CodegenApiClient;
import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.report.NdjsonLogWriter;
import io.codegenagentlogs.core.api.OneLine;
import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.console.ConsoleFormat;
import io.codegenagentlogs.core.console.ConsolePrinter;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.watch.Anomaly;
import io.codegenagentlogs.core.watch.LogListener;
import io.codegenagentlogs.core.watch.RunWatcher;
import io.codegenagentlogs.core.watch.WatchOutcome;
import io.codegenagentlogs.core.watch.WatchSnapshot;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "logs",
        headerHeading = "%n",
        header = "Print every log entry of a Codegen agent run, following it to its end. No gating.",
        synopsisHeading = "%nUsage:%n  ",
        descriptionHeading = "%nDescription:%n",
        description = {
            "Follows an agent run like gate does (same paging, polling, rate limit and retries) and prints "
                    + "each log entry once, in order, as it arrives, until the run ends or --timeout passes. "
                    + "Nothing is decided and no report is written.",
            "",
            "Entries go to standard output; progress lines, warnings and errors go to standard error. "
                    + "With --format ndjson each entry is printed as the JSON object the API sent, one per line "
                    + "(line breaks between JSON tokens, if any, become spaces), ready for jq.",
            "",
            "The API token comes from the CODEGEN_API_TOKEN environment variable or from --token-file.",
        },
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the run ended and every entry was printed",
            "2:usage or configuration error (bad option, id, URL or duration; missing or unreadable token)",
            "3:API error (authentication, run not found, retries exhausted) or incomplete logs",
            "4:timed out before the run finished (--timeout)",
            "130:cancelled with Ctrl-C (SIGINT)",
            "143:terminated (SIGTERM)",
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  CODEGEN_API_TOKEN      the API token (unless --token-file)",
            "  CODEGEN_ORG_ID         the organization id (unless --org)",
            "  CODEGEN_API_BASE_URL   the API base URL (unless --base-url)",
            "",
            "Examples:",
            "  ${ROOT-COMMAND-NAME} logs --org 67890 --run 12345",
            "",
            "  # every ERROR entry's observation, as it happens",
            "  ${ROOT-COMMAND-NAME} logs --org 67890 --run 12345 \\",
            "      --format ndjson \\",
            "      | jq -r 'select(.message_type == \"ERROR\") | .observation'",
        })
final class LogsCommand implements Callable<Integer>, Verbosity {
    enum Format { text, ndjson }

    private final CliContext ctx;

    @Mixin
    RunIdOption run;

    @Mixin
    ApiOptions api;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", order = 10,
            description = "text: one readable line per entry; ndjson: each entry's raw JSON, one per line. "
                    + "Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--no-color", order = 11,
            description = "No colours in text entries, even on a terminal (so does a non-empty NO_COLOR "
                    + "environment variable).")
    boolean noColor;

    LogsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public boolean verbose() {
        return api != null && api.verbose();
    }

    @Override
    public Integer call() {
        ctx.useHumanStream(format == Format.ndjson);
        ApiOptions.Parsed options = api.parse(ctx, run);
        CodegenApiClient client = api.client(ctx, options);
        PrintStream out = ctx.out();
        PrintStream err = ctx.err();
        GithubMode github = ctx.github();
        // In a GitHub Actions log, text entries and progress share standard output, inside one region where
        // workflow commands are off: a region covers one stream only. NDJSON stays pure data for pipes.
        PrintStream progress = github != null && format == Format.text ? out : err;
        Terminal terminal = noColor ? ctx.terminal().withoutColour() : ctx.terminal();
        LogListener entries = format == Format.ndjson ? new RawLines(out)
                : new TextLines(terminal.colour() ? new TerminalOutput(out, new Terminal(false, true), ctx.columns()) : out);
        LogListener listener = LogListener.all(entries, new ProgressOnly(new ConsolePrinter(progress, GatePolicy.defaults())));
        RunWatcher watcher = RunWatcher.create(client, options.watchOptions(),
                WatchSnapshot.start(options.orgId(), options.runId(), System.currentTimeMillis()), listener);
        ctx.onStop(watcher::cancel);
        WatchOutcome outcome;
        String title = "Codegen agent run " + options.runId() + " (org " + options.orgId() + "): log";
        try (GithubMode.Region agentText = github == null ? null : new GithubMode.Region(progress, title)) {
            outcome = watcher.run();
        } finally {
            ctx.onStop(null);
        }
        out.flush();
        int code = ExitCodes.of(outcome.kind());
        if (code == ExitCodes.PASSED || code == ExitCodes.CANCELLED) {
            String line = OneLine.of(ctx.secrets().redact(outcome.message()), 2000);
            err.println(github == null ? line : WorkflowCommands.defuse(line));
        } else {
            ErrorHandlers.printError(ctx, CliException.sentence(outcome.message()), 2000);
        }
        if (verbose() && outcome.error() != null) {
            ErrorHandlers.printStackTrace(ctx, outcome.error());
        }
        err.flush();
        return code;
    }

    /** One readable line per entry; coloured by its type when written to a terminal that shows colours. */
    private static final class TextLines implements LogListener {
        private final PrintStream out;

        TextLines(PrintStream out) {
            this.out = out;
        }

        @Override
        public void onEntry(long index, LogEntry entry) {
            if (out instanceof TerminalOutput terminal) {
                terminal.colourNext(TerminalOutput.colourOf(entry.normalizedType(), GatePolicy.defaults()));
            }
            out.println(ConsoleFormat.entryLine(index, entry));
            out.flush();
        }
    }

    /** The run, wait, retry and anomaly lines of a printer, without its entry lines. */
    private static final class ProgressOnly implements LogListener {
        private final LogListener printer;

        ProgressOnly(LogListener printer) {
            this.printer = printer;
        }

        @Override
        public void onRun(RunInfo run) {
            printer.onRun(run);
        }

        @Override
        public void onWaiting(RunInfo run, long fetched, long totalLogs, Duration nextPollIn) {
            printer.onWaiting(run, fetched, totalLogs, nextPollIn);
        }

        @Override
        public void onRetry(String reason, int attempt, Duration delay) {
            printer.onRetry(reason, attempt, delay);
        }

        @Override
        public void onAnomaly(Anomaly anomaly) {
            printer.onAnomaly(anomaly);
        }
    }

    /** Each entry's raw JSON on a line of its own. */
    private static final class RawLines implements LogListener {
        private final PrintStream out;

        RawLines(PrintStream out) {
            this.out = out;
        }

        @Override
        public void onEntry(long index, LogEntry entry) {
            out.print(NdjsonLogWriter.oneLine(entry.rawJson()));
            out.print('\n');
            out.flush();
        }
    }
}
