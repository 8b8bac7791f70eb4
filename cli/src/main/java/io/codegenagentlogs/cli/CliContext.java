package io.codegenagentlogs.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * Everything a command takes from its process: environment, standard streams, working directory,
 * and the Ctrl-C signal. Tests build one of their own and run the CLI in-process.
 */
final class CliContext {
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final Path workingDir;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Secrets secrets = new Secrets();
    private final GithubMode github;
    private volatile PrintStream human;
    private volatile Runnable onStop;
    private volatile int stopExitCode = ExitCodes.CANCELLED;

    private final Terminal terminal;

    CliContext(Map<String, String> env, PrintStream out, PrintStream err, Path workingDir, Terminal terminal) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.workingDir = workingDir.toAbsolutePath().normalize();
        // known from the start, so that even a parse error that echoes a value cannot show it
        this.secrets.add(this.env.get(ApiOptions.ENV_TOKEN));
        this.github = GithubMode.detect(this.env);
        this.human = out;
        // NO_COLOR (https://no-color.org) whatever the terminal was found to be
        this.terminal = Terminal.noColorUnset(this.env) ? terminal : terminal.withoutColour();
    }

    /** What standard output is: an interactive terminal, with or without colours, or plain. */
    Terminal terminal() {
        return terminal;
    }

    /** The screen width for status lines: {@code COLUMNS}, else 80. */
    int columns() {
        return HelpLayout.width(env("COLUMNS"));
    }

    /** The GitHub Actions mode when {@code GITHUB_ACTIONS=true}, else null. */
    GithubMode github() {
        return github;
    }

    /**
     * Where people's lines and workflow commands go: standard output, or standard error when
     * standard output carries JSON. One stream for both, so that the runner sees them in order.
     */
    PrintStream human() {
        return human;
    }

    /**
     * Chooses the stream for people and workflow commands; a command calls this before it prints
     * anything. In GitHub Actions the first line on it asks the runner to mask the token.
     */
    void useHumanStream(boolean standardError) {
        this.human = standardError ? err : out;
        if (github != null) {
            GithubMode.mask(human, env(ApiOptions.ENV_TOKEN));
        }
    }

    /** Registers a secret: kept out of every message, and masked in a GitHub Actions log. */
    void secret(String value) {
        secrets.add(value);
        if (github != null) {
            GithubMode.mask(human, value);
        }
    }

    /** An environment variable, or null when unset or blank. */
    String env(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /** Token values to keep out of every message. */
    Secrets secrets() {
        return secrets;
    }

    /** {@code java -jar PATH}: how to start this tool again from the working directory. */
    String launcher() {
        return Launcher.command(workingDir);
    }

    /** A path given on the command line, relative to the working directory. */
    Path resolve(String path) {
        return workingDir.resolve(path).normalize();
    }

    /** Asks the running command to stop (Ctrl-C): a watch ends as cancelled, a simulator closes. */
    void requestStop() {
        requestStop(ExitCodes.CANCELLED);
    }

    /** The same, for a signal whose exit code is {@code exitCode} (130 for SIGINT, 143 for SIGTERM). */
    void requestStop(int exitCode) {
        if (stop.getCount() > 0) {
            stopExitCode = exitCode;
        }
        stop.countDown();
        Runnable r = onStop;
        if (r != null) {
            r.run();
        }
    }

    boolean stopRequested() {
        return stop.getCount() == 0;
    }

    /** The exit code of a command cancelled by the stop request: 130 (SIGINT, Ctrl-C) or 143 (SIGTERM). */
    int stopExitCode() {
        return stopExitCode;
    }

    /** Runs {@code action} on {@link #requestStop()}, at once if a stop was already requested. */
    void onStop(Runnable action) {
        this.onStop = action;
        if (stopRequested() && action != null) {
            action.run();
        }
    }

    /** Blocks until {@link #requestStop()}. */
    void awaitStop() throws InterruptedException {
        stop.await();
    }
}
