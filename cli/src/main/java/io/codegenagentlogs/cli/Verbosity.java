package io.codegenagentlogs.cli;

/** A command that has a {@code --verbose} option, for the error handlers. */
interface Verbosity {
    boolean verbose();
}
