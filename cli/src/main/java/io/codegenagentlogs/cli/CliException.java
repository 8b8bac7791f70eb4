package io.codegenagentlogs.cli;

/**
 * An error the user can fix, with the exit code it ends the process with. The message is the part
 * after "error: ": what failed, then what to do, and never the token.
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A usage or configuration error (exit 2): "what failed. what to do". */
    static CliException usage(String whatFailed, String whatToDo) {
        return new CliException(ExitCodes.USAGE, sentence(whatFailed) + " " + sentence(whatToDo), null);
    }

    /** A usage error whose message (from the core) already says what to do. */
    static CliException usage(IllegalArgumentException e) {
        return new CliException(ExitCodes.USAGE, sentence(e.getMessage()), e);
    }

    int exitCode() {
        return exitCode;
    }

    /** Ends the text with a full stop unless it already ends a sentence. */
    static String sentence(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.endsWith(".") || t.endsWith("!") || t.endsWith("?")) {
            return t;
        }
        return t + ".";
    }
}
