package io.codegenagentlogs.core.watch;

import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.api.RunInfo;
import java.time.Duration;
import java.util.List;

final class CompositeListener implements LogListener {
    private final List<LogListener> listeners;

    CompositeListener(List<LogListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onRun(RunInfo run) {
        listeners.forEach(l -> l.onRun(run));
    }

    @Override
    public void onEntry(long index, LogEntry entry) {
        for (LogListener l : listeners) {
            l.onEntry(index, entry);
        }
    }

    @Override
    public void onWaiting(RunInfo run, long fetched, long totalLogs, Duration nextPollIn) {
        listeners.forEach(l -> l.onWaiting(run, fetched, totalLogs, nextPollIn));
    }

    @Override
    public void onRetry(String reason, int attempt, Duration delay) {
        listeners.forEach(l -> l.onRetry(reason, attempt, delay));
    }

    @Override
    public void onAnomaly(Anomaly anomaly) {
        listeners.forEach(l -> l.onAnomaly(anomaly));
    }
}
