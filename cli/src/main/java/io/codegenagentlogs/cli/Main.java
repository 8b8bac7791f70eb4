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

    /** A CLI whose standard output is not a terminal: plain lines, no colours (what tests and pipes get). */
    public Main(Map<String, String> env, PrintStream out, PrintStream err, Path workingDir) {
        this(env, out, err, workingDir, Terminal.PLAIN);
    }

    Main(Map<String, String> env, PrintStream out, PrintStream err, Path workingDir, Terminal terminal) {
        this.ctx = new CliContext(env, out, err, workingDir, terminal);
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.err)), true, StandardCharsets.UTF_8);
        Main main = new Main(System.getenv(), out, err, Path.of(""), Terminal.detect(System.getenv()));
        CountDownLatch done = new CountDownLatch(1);
        // SIGINT (Ctrl-C) and SIGTERM (how CI cancels a job): end the watch as cancelled, write the report, and exit
        // 130 or 143. A second signal exits at once.
        Signals.onInterruptAndTerminate(code -> {
            if (main.ctx.stopRequested()) {
                Runtime.getRuntime().halt(code);
            }
            main.stop(code);
        });
        // Any other way the JVM is asked to end (SIGHUP, say): the same, as far as shutdown hooks allow.
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
        int code = commandLine().execute(args);
        // a command cancelled by a signal ends with that signal's code
        return code == ExitCodes.CANCELLED && ctx.stopRequested() ? ctx.stopExitCode() : code;
    }

    /** What Ctrl-C does: a running watch ends as cancelled (exit 130), a running simulator closes. */
    public void stop() {
        ctx.requestStop();
    }

    /** What a signal does: like {@link #stop()}, the command then exiting with {@code exitCode} (130 or 143). */
    public void stop(int exitCode) {
        ctx.requestStop(exitCode);
    }

    CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new RootCommand(ctx));
        cmd.addSubcommand(withHelp(new GateCommand(ctx)));
        cmd.addSubcommand(withHelp(new RunCommand(ctx)));
        cmd.addSubcommand(withHelp(new LogsCommand(ctx)));
        cmd.addSubcommand(withHelp(new SimulateCommand(ctx)));
        cmd.addSubcommand(withHelp(new DemoCommand(ctx)));
        cmd.addSubcommand(withHelp(new SummarizeCommand(ctx)));
        cmd.addSubcommand(withHelp(new CompletionCommand(ctx)));
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
