package io.codegenagentlogs.core.gate;

import io.codegenagentlogs.core.api.OneLine;
import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.watch.WatchOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Turns how a watch ended, and what it saw, into a verdict. Pure: no I/O, no state. */
public final class Gate {
    private Gate() {
    }

    /**
     * @param countsByType entries seen per normalized message type (the summary's counts)
     */
    public static GateDecision evaluate(GatePolicy policy, WatchOutcome outcome, Map<String, Long> countsByType) {
        return evaluate(policy, outcome, countsByType, CallRepeat.NONE);
    }

    /**
     * @param countsByType entries seen per normalized message type (the summary's counts)
     * @param mostRepeated the call repeated most (the summary's reasoning), for the loop rule
     */
    public static GateDecision evaluate(GatePolicy policy, WatchOutcome outcome, Map<String, Long> countsByType,
            CallRepeat mostRepeated) {
        String loop = loopReason(policy, mostRepeated);
        long failing = 0;
        StringJoiner failingTypes = new StringJoiner(", ");
        for (Map.Entry<String, Long> e : countsByType.entrySet()) {
            if (policy.isFailing(e.getKey()) && e.getValue() > 0) {
                failing += e.getValue();
                failingTypes.add(e.getValue() + " " + e.getKey());
            }
        }
        List<String> reasons = new ArrayList<>();
        switch (outcome.kind()) {
            case API_ERROR, INCOMPLETE, CANCELLED -> {
                reasons.add(outcome.message());
                return new GateDecision(Verdict.ERROR, reasons, failing);
            }
            case TIMED_OUT -> {
                reasons.add(outcome.message());
                if (failing > 0) {
                    reasons.add("before the timeout: " + failingTypes + " entr" + (failing == 1 ? "y" : "ies"));
                }
                if (loop != null) {
                    reasons.add("before the timeout: " + loop);
                }
                return new GateDecision(Verdict.TIMED_OUT, reasons, failing);
            }
            case COMPLETED, STOPPED_EARLY -> {
                // evaluated below
            }
        }
        if (failing > policy.maxFailures()) {
            reasons.add(failing + " failing entr" + (failing == 1 ? "y" : "ies") + " (" + failingTypes + "), "
                    + policy.maxFailures() + " tolerated");
        }
        if (loop != null) {
            reasons.add(loop);
        }
        RunInfo run = outcome.lastRun();
        if (policy.failOnRunStatus() && run != null && run.status().isFailure()) {
            reasons.add("the run ended with status " + run.status());
        }
        if (!reasons.isEmpty()) {
            if (outcome.kind() == WatchOutcome.Kind.STOPPED_EARLY) {
                reasons.add(outcome.message());
            }
            return new GateDecision(Verdict.FAILED, reasons, failing);
        }
        if (outcome.kind() == WatchOutcome.Kind.STOPPED_EARLY) {
            // a watch stops early only once the gate fails; anything else is a verdict not reached
            reasons.add(outcome.message());
            return new GateDecision(Verdict.ERROR, reasons, failing);
        }
        String status = run == null ? "UNKNOWN" : run.status().toString();
        reasons.add("the run ended with status " + status + " and " + (failing == 0
                ? "no failing entries (" + policy + ")"
                : failing + " failing entr" + (failing == 1 ? "y" : "ies") + ", within the " + policy.maxFailures() + " tolerated"));
        return new GateDecision(Verdict.PASSED, reasons, failing);
    }

    /** The loop rule's reason, or null when it is off or holds. */
    static String loopReason(GatePolicy policy, CallRepeat mostRepeated) {
        int max = policy.maxIdenticalCalls();
        if (max <= 0 || mostRepeated == null || mostRepeated.calls() <= max) {
            return null;
        }
        return "the same " + OneLine.of(mostRepeated.tool(), 100) + " call (same input) was made " + mostRepeated.calls()
                + " times, more than the " + max + " allowed: the agent may be going in circles";
    }
}
