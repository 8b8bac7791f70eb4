package io.codegenagentlogs.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * {@code java -jar codegen-agent-logs.jar gate|logs|simulate|demo}. Everything the process gives
 * (environment, streams, working directory) is passed in, so tests run the CLI in-process.
 */
public final class Main {
    private final CliContext ctx;

    public Main(Map<String, String> env, PrintStream out, PrintStream err, Path workingDir) {
        this.ctx = new CliContext(env, out, err, workingDir);
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.err)), true, StandardCharsets.UTF_8);
        Main main = new Main(System.getenv(), out, err, Path.of(""));
        CountDownLatch done = new CountDownLatch(1);
        // Ctrl-C / SIGTERM: end the watch as cancelled, let the report be written, then let the JVM exit (130 for SIGINT).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (done.getCount() > 0) {
                main.stop();
                try {
                    done.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "codegen-agent-logs-shutdown"));
        int code = main.run(args);
        out.flush();
        err.flush();
        done.countDown();
        System.exit(code);
    }

    /** Runs one command line and returns its exit code; never calls System.exit. */
    public int run(String... args) {
        return commandLine().execute(args);
    }

    /** What Ctrl-C does: a running watch ends as cancelled (exit 130), a running simulator closes. */
    public void stop() {
        ctx.requestStop();
    }

    CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new RootCommand(ctx));
        cmd.addSubcommand(withHelp(new GateCommand(ctx)));
        cmd.addSubcommand(withHelp(new LogsCommand(ctx)));
        cmd.addSubcommand(withHelp(new SimulateCommand(ctx)));
        cmd.addSubcommand(withHelp(new DemoCommand(ctx)));
        ErrorHandlers handlers = new ErrorHandlers(ctx);
        cmd.setParameterExceptionHandler(handlers);
        cmd.setExecutionExceptionHandler(handlers);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setOut(new PrintWriter(new OutputStreamWriter(ctx.out(), StandardCharsets.UTF_8), true));
        cmd.setErr(new PrintWriter(new OutputStreamWriter(ctx.err(), StandardCharsets.UTF_8), true));
        // help, hints and the simulator's banner show the command as it was started, so that they paste
        cmd.setCommandName(ctx.launcher());
        new HelpLayout(HelpLayout.width(ctx.env("COLUMNS"))).install(cmd);
        return cmd;
    }

    /** Every command gets --help and --version, and the version of the jar. */
    private static CommandLine withHelp(Object command) {
        CommandLine sub = new CommandLine(command);
        sub.getCommandSpec().mixinStandardHelpOptions(true);
        sub.getCommandSpec().versionProvider(new VersionProvider());
        UsageMessageSpec usage = sub.getCommandSpec().usageMessage();
        usage.sortOptions(false);
        return sub;
    }
}
