package io.codegenagentlogs.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Runs the CLI in-process with its own environment, streams and working directory. */
final class CliRunner {
    private final Map<String, String> env = new HashMap<>();
    private final Path workingDir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Main main;

    CliRunner(Path workingDir, Map<String, String> env) {
        this(workingDir, env, Terminal.PLAIN);
    }

    /** A CLI whose standard output is the given kind of terminal. */
    CliRunner(Path workingDir, Map<String, String> env, Terminal terminal) {
        this.workingDir = workingDir;
        this.env.putAll(env);
        this.main = new Main(this.env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), workingDir, terminal);
    }

    /** The result of one command line. */
    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    static Result run(Path workingDir, Map<String, String> env, String... args) {
        return new CliRunner(workingDir, env).run(args);
    }

    Result run(String... args) {
        int code = main.run(args);
        return new Result(code, out(), err());
    }

    /** Starts the command on another thread; {@link #stop()} is Ctrl-C. */
    CompletableFuture<Result> start(String... args) {
        return CompletableFuture.supplyAsync(() -> run(args));
    }

    void stop() {
        main.stop();
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    Path workingDir() {
        return workingDir;
    }
}
