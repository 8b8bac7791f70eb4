package io.codegenagentlogs.core.gate;

import java.util.List;

/** A verdict with the human-readable reasons behind it. */
public final class GateDecision {
    private final Verdict verdict;
    private final List<String> reasons;
    private final long failingEntries;

    public GateDecision(Verdict verdict, List<String> reasons, long failingEntries) {
        this.verdict = verdict;
        this.reasons = List.copyOf(reasons);
        this.failingEntries = failingEntries;
    }

    public Verdict verdict() {
        return verdict;
    }

    /** Why, one sentence each; never empty. */
    public List<String> reasons() {
        return reasons;
    }

    /** Entries of a failing message type. */
    public long failingEntries() {
        return failingEntries;
    }

    public boolean passed() {
        return verdict == Verdict.PASSED;
    }

    /** "FAILED: reason; reason" */
    @Override
    public String toString() {
        return verdict + ": " + String.join("; ", reasons);
    }
}
