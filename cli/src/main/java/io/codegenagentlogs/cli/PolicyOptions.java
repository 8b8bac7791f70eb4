package io.codegenagentlogs.cli;

import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.report.ChangeRules;
import io.codegenagentlogs.core.session.GateRequest;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What makes a run fail the gate, and what the report counts as a change: the options {@code gate}
 * and {@code summarize} share, checked by the core's builders so every mistake names its option.
 */
final class PolicyOptions {
    @Option(names = "--fail-on", paramLabel = "TYPES", split = ",", defaultValue = "ERROR,PR_CREATION_FAILED", order = 10,
            description = "Message types whose entries fail the gate, comma-separated, any case, for "
                    + "example ERROR,PR_CREATION_FAILED,DETECT_PR_ERRORS. --fail-on= (empty) fails on no entry type. "
                    + "Default: ${DEFAULT-VALUE}. A type Codegen does not document is refused (a typo would switch "
                    + "the gate off); to fail on a type the API added later, write it as custom:TYPE.")
    List<String> failOn;

    @Option(names = "--no-fail-on-run-status", order = 11,
            description = "Do not fail the gate because the run ended with a failed status (ERROR, FAILED, "
                    + "CANCELLED, STOPPED, TIMEOUT, MAX_ITERATIONS_REACHED, OUT_OF_TOKENS); only entries count.")
    boolean noFailOnRunStatus;

    @Option(names = "--max-failures", paramLabel = "N", defaultValue = "0", order = 12,
            description = "How many failing entries to tolerate before the gate fails. Default: ${DEFAULT-VALUE}.")
    int maxFailures;

    @Option(names = "--max-identical-calls", paramLabel = "N", defaultValue = "0", order = 14,
            description = "Fail the gate when one identical tool call (same tool, same input) is made more than N "
                    + "times: an agent going round in circles. 0 turns the rule off. Default: ${DEFAULT-VALUE}.")
    int maxIdenticalCalls;

    @Option(names = "--change-tools", paramLabel = "GLOBS", split = ",", order = 15,
            description = "Which tools change the repository, for the report's audit trail: tool names with * as a "
                    + "wildcard, comma-separated, any case; --change-tools= (empty) keeps git commands only. "
                    + "Default: tools named like write, edit, create, delete, move, rename, replace, patch, commit, "
                    + "push, merge or pull request.")
    List<String> changeTools;

    /** The gate's policy; a bad value is a usage error naming its option. */
    GatePolicy policy() {
        if (maxFailures < 0) {
            throw CliException.usage("--max-failures must be 0 or more, got " + maxFailures, "Pass e.g. --max-failures 0");
        }
        if (maxIdenticalCalls < 0) {
            throw CliException.usage("--max-identical-calls must be 0 (off) or more, got " + maxIdenticalCalls,
                    "Pass e.g. --max-identical-calls 5");
        }
        GatePolicy.Builder policy = GatePolicy.builder().failOnRunStatus(!noFailOnRunStatus).maxFailures(maxFailures)
                .maxIdenticalCalls(maxIdenticalCalls);
        try {
            policy.failOn(failOn);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(new IllegalArgumentException("--fail-on: " + e.getMessage(), e));
        }
        return policy.build();
    }

    /** What to gate and how: run {@code runId} under this policy, watched as {@code options} say. */
    GateRequest request(ApiOptions.Parsed options, long runId, GatePolicy gatePolicy, boolean failFast) {
        return GateRequest.builder()
                .orgId(options.orgId())
                .runId(runId)
                .policy(gatePolicy)
                .changeRules(changeRules())
                .options(options.watchOptions())
                .failFast(failFast)
                .build();
    }

    /** The audit trail's change-tool patterns: the defaults unless {@code --change-tools} was given. */
    ChangeRules changeRules() {
        if (changeTools == null) {
            return ChangeRules.defaults();
        }
        try {
            return ChangeRules.of(changeTools);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(new IllegalArgumentException("--change-tools: " + e.getMessage(), e));
        }
    }
}
