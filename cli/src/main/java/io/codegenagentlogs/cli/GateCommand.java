package io.codegenagentlogs.cli;

import io.codegenagentlogs.core.api.CodegenApiClient;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.session.GateRequest;
import java.nio.file.Path;
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
            "130:cancelled with Ctrl-C (SIGINT); the report of what was fetched is written",
            "143:terminated (SIGTERM, how CI systems cancel a job); the report of what was fetched is written",
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
    RunIdOption run;

    @Mixin
    ApiOptions api;

    @Mixin
    PolicyOptions policy;

    @Option(names = "--fail-fast", order = 13,
            description = "Stop watching as soon as the verdict can no longer change (more failing entries than "
                    + "--max-failures tolerates): write the report, marked as stopped early, and exit 1. By default "
                    + "the gate reads the whole run.")
    boolean failFast;

    @Mixin
    GateOutputOptions output;

    GateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public boolean verbose() {
        return api != null && api.verbose();
    }

    @Override
    public Integer call() {
        ctx.useHumanStream(output.json);
        ApiOptions.Parsed options = api.parse(ctx, run);
        GatePolicy gatePolicy = policy.policy();
        GateRequest request = policy.request(options, options.runId(), gatePolicy, failFast);
        CodegenApiClient client = api.client(ctx, options);
        Path dir = ctx.resolve(output.reportDir);
        return GateFlow.run(ctx, client, request, dir, output.output(verbose())).exitCode();
    }

}
