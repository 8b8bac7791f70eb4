package io.codegenagentlogs.core.gate;

/** The answer a gate gives. */
public enum Verdict {
    /** The run finished and nothing the policy fails on happened. */
    PASSED,
    /** The run finished and the policy fails it. */
    FAILED,
    /** The overall timeout passed before the run finished. */
    TIMED_OUT,
    /** No answer could be had: API error, incomplete logs, cancellation. */
    ERROR
}
