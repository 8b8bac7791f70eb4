package io.codegenagentlogs.simulator;

/**
 * One step of a run's progression. It is reached after the run served {@code threshold} logs requests,
 * or {@code threshold} milliseconds after the run's first request, depending on {@code byTime}.
 * A null status or visibleLogs leaves that part of the run unchanged.
 */
record Stage(boolean byTime, long threshold, String status, Integer visibleLogs) {
    boolean reached(int servedLogsRequests, long millisSinceFirstRequest) {
        return byTime ? millisSinceFirstRequest >= threshold : servedLogsRequests >= threshold;
    }
}
