package io.codegenagentlogs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "codegen-agent-logs",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        headerHeading = "%n",
        header = "Gate CI on Codegen AI-agent runs: follow a run's logs, pass or fail it, and report.",
        synopsisHeading = "%nUsage:%n  ",
        synopsisSubcommandLabel = "COMMAND",
        descriptionHeading = "%nDescription:%n",
        description = {
            "Run as: ${ROOT-COMMAND-NAME} COMMAND [OPTIONS]. Each command has its own --help.",
            "",
            "gate follows an agent run through the Codegen API until it ends, streams its log entries, decides "
                    + "whether the run passes (no ERROR or PR_CREATION_FAILED entries, no failed status, by "
                    + "default) and writes a report. run creates a run from a prompt and gates it. logs prints a "
                    + "run's entries without deciding anything. "
                    + "summarize rebuilds the reports from a saved logs.ndjson without the API. simulate and demo "
                    + "run a local Codegen API simulator, to try it all without Codegen. completion prints a shell "
                    + "completion script.",
        },
        commandListHeading = "%nCommands:%n",
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:passed",
            "1:the gate failed the run",
            "2:usage or configuration error",
            "3:API error (auth, not found, retries exhausted), incomplete logs, other errors",
            "4:timed out",
            "130:cancelled with Ctrl-C (SIGINT)",
            "143:terminated (SIGTERM)",
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  CODEGEN_API_TOKEN      the API token (or --token-file FILE; never on the command line)",
            "  CODEGEN_ORG_ID         the organization id (or --org)",
            "  CODEGEN_API_BASE_URL   the API base URL (or --base-url), default https://api.codegen.com",
            "",
            "Examples:",
            "  ${ROOT-COMMAND-NAME} demo",
            "  export CODEGEN_API_TOKEN=...",
            "  ${ROOT-COMMAND-NAME} gate --org 67890 --run 12345",
            "",
            "See docs/cli.md for the full manual.",
        })
final class RootCommand implements Callable<Integer> {
    private final CliContext ctx;

    RootCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        throw CliException.usage("No command given", "Run '" + ctx.launcher() + " --help' and pick one of " + ErrorHandlers.COMMANDS.replace(" and ", " or "));
    }
}
