package io.codegenagentlogs.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Decides which fault, if any, hits each eligible logs request: the scenario's faults sit at fixed
 * request numbers; injected faults fill the next requests that have none scheduled, first in first out.
 */
final class FaultSchedule {
    private final Map<Integer, Fault> scheduled;
    private final Deque<Fault> injected = new ArrayDeque<>();
    private int eligibleRequests;

    FaultSchedule(Map<Integer, Fault> scheduled) {
        this.scheduled = Map.copyOf(scheduled);
    }

    synchronized void inject(Fault fault) {
        injected.addLast(fault);
    }

    /** Counts one more eligible logs request and returns its fault, or null. */
    synchronized Fault next() {
        eligibleRequests++;
        Fault planned = scheduled.get(eligibleRequests);
        return planned != null ? planned : injected.pollFirst();
    }
}
