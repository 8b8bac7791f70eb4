package io.codegenagentlogs.cli;

import io.codegenagentlogs.simulator.CodegenSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "simulate",
        headerHeading = "%n",
        header = "Run the Codegen API simulator until stopped, to try gate and logs without Codegen.",
        synopsisHeading = "%nUsage:%n  ",
        descriptionHeading = "%nDescription:%n",
        description = {
            "Starts a local HTTP server on 127.0.0.1 that answers like Codegen's agent-run logs API, "
                    + "serving the runs of a scenario: their statuses, log entries and how they progress, "
                    + "and optional faults (rate limiting, errors, dropped connections). The scenario format "
                    + "is described in docs/simulator.md.",
            "",
            "It prints its base URL, the token it accepts and the gate command to point at it, then serves "
                    + "until stopped with Ctrl-C or SIGTERM, which close it cleanly. It never ends on its own, so "
                    + "it never exits 0.",
            "",
            "Bundled scenarios: realistic (run 12345, org 67890; logs an ERROR and a PR_CREATION_FAILED, "
                    + "so a default gate fails it), passing (run 1001), hostile, large, faulty, progressive.",
        },
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "2:usage error (bad port or port in use, unknown or invalid scenario)",
            "130:stopped with Ctrl-C (SIGINT), after closing cleanly",
            "143:stopped with SIGTERM, after closing cleanly",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ${ROOT-COMMAND-NAME} simulate --port 8080",
            "  # in another terminal:",
            "  export CODEGEN_API_TOKEN=sim-token",
            "  ${ROOT-COMMAND-NAME} gate \\",
            "      --base-url http://127.0.0.1:8080 --org 67890 --run 12345",
            "",
            "  ${ROOT-COMMAND-NAME} simulate --scenario my.json",
        })
final class SimulateCommand implements Callable<Integer>, Verbosity {
    private final CliContext ctx;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", order = 1,
            description = "The port to listen on, on 127.0.0.1; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--scenario", paramLabel = "FILE", defaultValue = "realistic", order = 2,
            description = "A scenario file, or the name of a bundled scenario. Default: ${DEFAULT-VALUE}.")
    String scenario;

    @Mixin
    VerboseOption verbosity;

    SimulateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public boolean verbose() {
        return verbosity != null && verbosity.verbose;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw CliException.usage("--port must be 0..65535, got " + port, "Pass e.g. --port 8080, or 0 for a free port");
        }
        ScenarioFiles.Loaded loaded = ScenarioFiles.load(ctx, scenario);
        CodegenSimulator simulator;
        try {
            simulator = CodegenSimulator.start(loaded.scenario(), port);
        } catch (BindException e) {
            throw CliException.usage("Port " + port + " on 127.0.0.1 is in use", "Pick another --port, or 0 for a free one");
        } catch (IOException e) {
            throw CliException.usage("The simulator cannot listen on port " + port + " (" + GateFlow.describe(e) + ")",
                    "Pick another --port, or 0 for a free one");
        }
        try {
            PrintStream out = ctx.out();
            String token = loaded.scenario().tokens().get(0);
            out.println("Codegen API simulator listening on " + simulator.baseUrl());
            out.println("scenario: " + loaded.name()
                    + (loaded.scenario().description() == null ? "" : " - " + loaded.scenario().description()));
            out.println("token:    " + token + " (accepted tokens: " + String.join(", ", loaded.scenario().tokens()) + ")");
            out.println("runs:");
            for (long run : loaded.scenario().runIds()) {
                out.println("  run " + run + " in org " + loaded.scenario().organizationId(run));
            }
            long first = loaded.scenario().runIds().get(0);
            out.println();
            out.println("Point gate at it:");
            out.println("  export CODEGEN_API_TOKEN=" + token);
            out.println("  " + ctx.launcher() + " gate --base-url " + simulator.baseUrl()
                    + " --org " + loaded.scenario().organizationId(first) + " --run " + first);
            out.println();
            out.println("Press Ctrl-C to stop.");
            out.flush();
            ctx.awaitStop();
            // it only ends when stopped: 130 for Ctrl-C, 143 for SIGTERM, as the help says
            return ctx.stopExitCode();
        } finally {
            simulator.close();
            ctx.err().println("simulator stopped");
            ctx.err().flush();
        }
    }
}
