package io.codegenagentlogs.cli;

import io.codegenagentlogs.core.api.AgentRunCreator;
import io.codegenagentlogs.core.api.ApiErrorKind;
import io.codegenagentlogs.core.api.CancelSignal;
import io.codegenagentlogs.core.api.CodegenApiClient;
import io.codegenagentlogs.core.api.CodegenApiException;
import io.codegenagentlogs.core.api.Ids;
import io.codegenagentlogs.core.api.OneLine;
import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.session.GateRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run",
        headerHeading = "%n",
        header = "Create a Codegen agent run from a prompt, then gate it like gate.",
        synopsisHeading = "%nUsage:%n  ",
        descriptionHeading = "%nDescription:%n",
        description = {
            "Asks Codegen to start an agent run with the prompt (POST /v1/organizations/{org}/agent/run), "
                    + "prints the new run's id and page, then follows and gates it exactly as gate does: the same "
                    + "policy options, report and exit codes.",
            "",
            "Codegen allows 10 creations a minute per token, on top of the 60 requests a minute all calls "
                    + "share; both are paced here. A creation is never sent twice unless Codegen said it did nothing "
                    + "(HTTP 429): when the answer leaves it open whether the run was created (a 5xx, a timeout, a "
                    + "dropped connection), the command stops with exit 3 so that you can look in Codegen first.",
            "",
            "The API token comes from the CODEGEN_API_TOKEN environment variable or from --token-file.",
        },
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the run was created and the gate passed",
            "1:the run was created, finished, and the gate failed it",
            "2:usage or configuration error (no prompt, bad option or id, missing token): nothing was created",
            "3:Codegen refused to create the run (token, organization, credits), the outcome of the creation "
                    + "is unknown, or an API error after it",
            "4:timed out before the run finished",
            "130:cancelled with Ctrl-C (SIGINT)",
            "143:terminated (SIGTERM)",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  export CODEGEN_API_TOKEN=...",
            "  ${ROOT-COMMAND-NAME} run --org 67890 \\",
            "      --prompt 'Fix the failing test in core' --repo-id 42",
            "",
            "  # a long prompt from a file, the summary JSON kept",
            "  ${ROOT-COMMAND-NAME} run --org 67890 \\",
            "      --prompt-file task.md --json > verdict.json",
        })
final class RunCommand implements Callable<Integer>, Verbosity {
    private final CliContext ctx;

    @Option(names = "--prompt", paramLabel = "TEXT", order = 1,
            description = "What the agent should do. Give this or --prompt-file.")
    String prompt;

    @Option(names = "--prompt-file", paramLabel = "FILE", order = 2,
            description = "Read the prompt from FILE (UTF-8), for prompts longer than a command line should hold.")
    String promptFile;

    @Option(names = "--repo-id", paramLabel = "N", order = 3,
            description = "The Codegen repository the agent works on (numeric). Default: the organization's default.")
    String repoId;

    @Mixin
    ApiOptions api;

    @Mixin
    PolicyOptions policy;

    @Option(names = "--fail-fast", order = 13,
            description = "Stop watching as soon as the verdict can no longer change, as for gate.")
    boolean failFast;

    @Mixin
    GateOutputOptions output;

    RunCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public boolean verbose() {
        return api != null && api.verbose();
    }

    @Override
    public Integer call() {
        ctx.useHumanStream(output.json);
        String text = promptText();
        Long repo = repoId == null ? null : id("repository id (--repo-id)", repoId);
        ApiOptions.Parsed options = api.parse(ctx, null);
        GatePolicy gatePolicy = policy.policy();
        CodegenApiClient client = api.client(ctx, options);
        PrintStream human = ctx.human();

        human.println("Creating an agent run in organization " + options.orgId() + (repo == null ? "" : ", repository " + repo) + "…");
        human.flush();
        RunInfo created = create(client, options.orgId(), text, repo);
        String page = created.safeWebUrl();
        String line = "Created agent run " + created.id() + (page == null ? "" : ": " + OneLine.of(page, 300));
        human.println(ctx.github() == null ? line : WorkflowCommands.defuse(line));
        human.flush();

        GateRequest request = policy.request(options, created.id(), gatePolicy, failFast);
        return GateFlow.run(ctx, client, request, ctx.resolve(output.reportDir), output.output(verbose())).exitCode();
    }

    private RunInfo create(CodegenApiClient client, long orgId, String text, Long repo) {
        CancelSignal cancel = new CancelSignal();
        ctx.onStop(cancel::cancel);
        try {
            return new AgentRunCreator(client).create(orgId, text, repo, cancel);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e);
        } catch (InterruptedException e) {
            throw new CliException(ExitCodes.CANCELLED, "Cancelled before the run was created: nothing was sent.", e);
        } catch (CodegenApiException e) {
            String what = e.getMessage() + (e.serverMessage() == null ? "" : " (" + OneLine.of(e.serverMessage(), 300) + ")");
            String prefix = e.kind() == ApiErrorKind.OUTCOME_UNKNOWN ? "The run may or may not have been created: " : "";
            throw new CliException(ExitCodes.API_ERROR, CliException.sentence(prefix + what) + " "
                    + CliException.sentence(Character.toUpperCase(e.kind().advice().charAt(0)) + e.kind().advice().substring(1)), e);
        } finally {
            ctx.onStop(null);
        }
    }

    /** The prompt, from exactly one of --prompt and --prompt-file. */
    private String promptText() {
        if ((prompt == null) == (promptFile == null)) {
            throw CliException.usage(prompt == null ? "No prompt given" : "Both --prompt and --prompt-file given",
                    "Pass the prompt with --prompt TEXT or --prompt-file FILE");
        }
        if (prompt != null) {
            return prompt;
        }
        Path file = ctx.resolve(promptFile);
        try {
            if (Files.size(file) > AgentRunCreator.MAX_PROMPT_CHARS * 4L) {
                throw CliException.usage("The prompt file " + file + " is too large for a prompt", "Shorten it");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.usage("Cannot read the prompt file " + file + " (" + GateFlow.describe(e) + ")",
                    "Check the --prompt-file path and its permissions");
        }
    }

    private static long id(String what, String value) {
        try {
            return Ids.parse(what, value);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e);
        }
    }
}
