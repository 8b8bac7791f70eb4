package io.codegenagentlogs.cli;

import io.codegenagentlogs.core.report.ReportFiles;
import picocli.CommandLine.Option;

/** Where a gate's report goes and how it prints: the options {@code gate} and {@code run} share. */
final class GateOutputOptions {
    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = GateCommand.DEFAULT_REPORT_DIR, order = 30,
            description = "Where the report files go (created if missing; files of an earlier gate are replaced), "
                    + "relative to the working directory. Default: ${DEFAULT-VALUE}.")
    String reportDir;

    @Option(names = "--json", order = 31,
            description = "Print the summary JSON (exactly what " + ReportFiles.SUMMARY_JSON
                    + " holds) on standard output, and the human-readable lines on standard error.")
    boolean json;

    @Option(names = "--quiet", order = 32,
            description = "Print only what matters: the run line, entries of a failing type, anomalies, the verdict, "
                    + "the report location and errors (no other entries, no progress lines).")
    boolean quiet;

    @Option(names = "--no-color", order = 33,
            description = "No colours, even on a terminal (so does a non-empty NO_COLOR environment variable). "
                    + "Colours and the live status line appear only when standard output is a terminal.")
    boolean noColor;

    GateFlow.Output output(boolean verbose) {
        return new GateFlow.Output(json, quiet, verbose, noColor);
    }
}
