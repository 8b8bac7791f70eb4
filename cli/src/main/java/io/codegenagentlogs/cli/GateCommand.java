package io.codegenagentlogs.cli;

import io.codegenagentlogs.core.api.CodegenApiClient;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.report.ReportFiles;
import io.codegenagentlogs.core.session.GateRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "gate",
        headerHeading = "%n",
        header = "Follow a Codegen agent run to its end and pass or fail it.",
        synopsisHeading = "%nUsage:%n  ",
        descriptionHeading = "%nDescription:%n",
        description = {
            "Follows an agent run through the Codegen API until the run ends, printing one line per log entry "
                    + "as it arrives and a progress line while it waits. Then it decides: the gate fails when the "
                    + "run logged entries of a failing type (ERROR and PR_CREATION_FAILED unless --fail-on says "
                    + "otherwise) or ended with a failed status (ERROR, FAILED, CANCELLED, TIMEOUT...).",
            "",
            "The report goes to --report-dir: summary.json (schema in docs/summary-json.md), summary.md, "
                    + "report.html (with its stylesheet report.css beside it), junit.xml and logs.ndjson (every entry as received). With --json the "
                    + "summary.json content is also printed on standard output and everything else goes to "
                    + "standard error.",
            "",
            "The API token comes from the CODEGEN_API_TOKEN environment variable or from --token-file; "
                    + "there is no option that takes the token itself.",
        },
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the gate passed",
            "1:the run finished and the gate failed it",
            "2:usage or configuration error (bad option, id, URL or duration; missing or unreadable token)",
            "3:API error (authentication, run not found, retries exhausted), incomplete logs, or another error "
                    + "that prevented a verdict",
            "4:timed out before the run finished (--timeout)",
            "130:cancelled with Ctrl-C",
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  CODEGEN_API_TOKEN      the API token (unless --token-file)",
            "  CODEGEN_ORG_ID         the organization id (unless --org)",
            "  CODEGEN_API_BASE_URL   the API base URL (unless --base-url)",
            "",
            "Examples:",
            "  export CODEGEN_API_TOKEN=...   # from your CI's secret store",
            "  ${ROOT-COMMAND-NAME} gate --org 67890 --run 12345",
            "",
            "  # fail only on ERROR entries, tolerate two, keep the summary JSON",
            "  ${ROOT-COMMAND-NAME} gate --org 67890 --run 12345 \\",
            "      --fail-on ERROR --max-failures 2 --json > verdict.json",
            "",
            "  # gate on the run status alone, with the token in a file",
            "  ${ROOT-COMMAND-NAME} gate --run 12345 --fail-on= \\",
            "      --token-file ~/.codegen-token",
        })
final class GateCommand implements Callable<Integer>, Verbosity {
    static final String DEFAULT_REPORT_DIR = "codegen-agent-logs-report";

    private final CliContext ctx;

    @Mixin
    ApiOptions api;

    @Option(names = "--fail-on", paramLabel = "TYPES", split = ",", defaultValue = "ERROR,PR_CREATION_FAILED", order = 10,
            description = "Message types whose entries fail the gate, comma-separated, any case, for "
                    + "example ERROR,PR_CREATION_FAILED,DETECT_PR_ERRORS. --fail-on= (empty) fails on no entry type. "
                    + "Default: ${DEFAULT-VALUE}.")
    List<String> failOn;

    @Option(names = "--no-fail-on-run-status", order = 11,
            description = "Do not fail the gate because the run ended with a failed status (ERROR, FAILED, "
                    + "CANCELLED, STOPPED, TIMEOUT, MAX_ITERATIONS_REACHED, OUT_OF_TOKENS); only entries count.")
    boolean noFailOnRunStatus;

    @Option(names = "--max-failures", paramLabel = "N", defaultValue = "0", order = 12,
            description = "How many failing entries to tolerate before the gate fails. Default: ${DEFAULT-VALUE}.")
    int maxFailures;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = DEFAULT_REPORT_DIR, order = 30,
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

    GateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public boolean verbose() {
        return api != null && api.verbose;
    }

    @Override
    public Integer call() {
        ctx.useHumanStream(json);
        ApiOptions.Parsed options = api.parse(ctx);
        GatePolicy policy = policy();
        GateRequest request = GateRequest.builder()
                .orgId(options.orgId())
                .runId(options.runId())
                .policy(policy)
                .options(options.watchOptions())
                .build();
        CodegenApiClient client = api.client(ctx, options);
        Path dir = ctx.resolve(reportDir);
        return GateFlow.run(ctx, client, request, dir, new GateFlow.Output(json, quiet, verbose())).exitCode();
    }

    private GatePolicy policy() {
        if (maxFailures < 0) {
            throw CliException.usage("--max-failures must be 0 or more, got " + maxFailures, "Pass e.g. --max-failures 0");
        }
        for (String type : failOn) {
            if (!type.isBlank() && !type.strip().matches("[A-Za-z0-9_.:-]+")) {
                throw CliException.usage("--fail-on: '" + io.codegenagentlogs.core.api.OneLine.of(type, 40)
                        + "' is not a message type", "Pass comma-separated types like ERROR,PR_CREATION_FAILED");
            }
        }
        return GatePolicy.builder()
                .failOn(failOn)
                .failOnRunStatus(!noFailOnRunStatus)
                .maxFailures(maxFailures)
                .build();
    }
}
