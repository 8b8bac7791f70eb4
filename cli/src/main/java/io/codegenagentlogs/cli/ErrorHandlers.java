package io.codegenagentlogs.cli;

import io.codegenagentlogs.core.api.OneLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on standard error, {@code error: <what failed>. <what to do>},
 * with the stack trace only under {@code --verbose}, and every known token value blanked out.
 */
final class ErrorHandlers implements IParameterExceptionHandler, IExecutionExceptionHandler {
    private static final int MAX_LINE = 1000;
    static final String COMMANDS = "gate, run, logs, summarize, simulate, demo and completion";

    private final CliContext ctx;

    ErrorHandlers(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String help = "Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.";
        String what;
        if (tokenOption(args)) {
            what = "There is no --token option: a token on a command line ends up in shell histories and process lists. "
                    + "Set the " + ApiOptions.ENV_TOKEN + " environment variable or pass --token-file FILE.";
            help = "";
        } else if (ex instanceof UnmatchedArgumentException unmatched && cmd.getParent() == null
                && !unmatched.getUnmatched().isEmpty() && unmatched.getUnmatched().get(0).matches("[a-z][a-z-]{0,19}")) {
            what = "Unknown command '" + unmatched.getUnmatched().get(0) + "': the commands are " + COMMANDS + ".";
        } else if (ex instanceof UnmatchedArgumentException unmatched) {
            what = unmatched(unmatched);
        } else {
            what = CliException.sentence(ex.getMessage());
        }
        // no stack trace even with --verbose: a parse error's trace is picocli's, never useful
        print(what + (help.isEmpty() ? "" : " " + help));
        return ExitCodes.USAGE;
    }

    /** Names unknown options, but never echoes a stray value: it could be a pasted token. */
    private static String unmatched(UnmatchedArgumentException ex) {
        List<String> options = new ArrayList<>();
        int values = 0;
        for (String arg : ex.getUnmatched()) {
            if (arg.startsWith("-") && arg.length() > 1) {
                int eq = arg.indexOf('=');
                options.add("'" + OneLine.of(eq < 0 ? arg : arg.substring(0, eq), 60) + "'");
            } else {
                values++;
            }
        }
        if (!options.isEmpty()) {
            return "Unknown option" + (options.size() == 1 ? " " : "s ") + String.join(", ", options) + ".";
        }
        return values == 1 ? "Unexpected argument (not shown): values belong after their option."
                : "Unexpected arguments (" + values + ", not shown): values belong after their option.";
    }

    /** Whether the user tried to pass the token itself as an option. */
    static boolean tokenOption(String[] args) {
        for (String a : args) {
            if (a.equals("--") ) {
                return false;
            }
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (name.equals("--token") || name.equals("--api-token") || name.equals("-t")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        boolean verbose = cmd.getCommand() instanceof Verbosity v && v.verbose();
        int code;
        if (ex instanceof CliException cli) {
            print(cli.getMessage());
            code = cli.exitCode();
        } else if (ex instanceof InterruptedException) {
            print("Interrupted.");
            code = ExitCodes.CANCELLED;
        } else {
            print("Unexpected " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage()) + ". "
                    + (verbose ? "Please report this with the stack trace below." : "Rerun with --verbose for the stack trace, and please report it."));
            code = ExitCodes.API_ERROR;
        }
        if (verbose) {
            printStackTrace(ctx, ex);
        }
        return code;
    }

    private void print(String message) {
        printError(ctx, message, MAX_LINE);
    }

    /** The one {@code error: } line on standard error: redacted, one line, at most {@code maxChars}. */
    static void printError(CliContext ctx, String message, int maxChars) {
        String text = OneLine.of(ctx.secrets().redact(message), maxChars);
        if (ctx.github() == null) {
            ctx.err().println("error: " + text);
        } else {
            // server text may quote a workflow command: the line is made inert, the annotation escaped
            ctx.err().println(WorkflowCommands.defuse("error: " + text));
            ctx.err().println(WorkflowCommands.annotation("error", "codegen-agent-logs", text));
        }
        ctx.err().flush();
    }

    static void printStackTrace(CliContext ctx, Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        ctx.err().print(ctx.secrets().redact(trace.toString()));
        ctx.err().flush();
    }
}
