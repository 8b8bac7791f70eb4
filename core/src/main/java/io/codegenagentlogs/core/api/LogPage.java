package io.codegenagentlogs.core.api;

import java.util.List;

/**
 * One response of the logs endpoint: the run as it is now and up to {@code limit} entries from
 * the requested {@code skip}. {@link #logs()} is empty, never null; {@link #logsWasNull()} tells a null apart.
 */
public final class LogPage {
    private final RunInfo run;
    private final List<LogEntry> logs;
    private final boolean logsWasNull;
    private final Long totalLogs;

    public LogPage(RunInfo run, List<LogEntry> logs, boolean logsWasNull, Long totalLogs) {
        this.run = run;
        this.logs = List.copyOf(logs);
        this.logsWasNull = logsWasNull;
        this.totalLogs = totalLogs;
    }

    public RunInfo run() {
        return run;
    }

    public List<LogEntry> logs() {
        return logs;
    }

    public boolean logsWasNull() {
        return logsWasNull;
    }

    /** {@code total_logs} as sent, or null when the server did not say. */
    public Long totalLogs() {
        return totalLogs;
    }
}
