package io.codegenagentlogs.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}, mixed into every command so that each spells and explains it alike. */
final class VerboseOption {
    @Option(names = "--verbose", order = 90,
            description = "On errors, also print the stack trace (the token is never printed).")
    boolean verbose;
}
