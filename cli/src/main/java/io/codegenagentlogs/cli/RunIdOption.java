package io.codegenagentlogs.cli;

import io.codegenagentlogs.core.api.Ids;
import picocli.CommandLine.Option;

/** {@code --run ID}: the run a command follows ({@code gate}, {@code logs}); {@code run} makes its own. */
final class RunIdOption {
    @Option(names = "--run", required = true, paramLabel = "ID", order = 1,
            description = "The agent run to follow: its numeric id, as in the run's Codegen URL.")
    String run;

    long runId() {
        try {
            return Ids.parse("run id (--run)", run);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e);
        }
    }
}
