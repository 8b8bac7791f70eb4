package io.codegenagentlogs.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The live state of one run: its status and how many of its log entries the API shows. The scenario's
 * stages move it forward as requests arrive; tests can also set it directly at any time. Thread-safe.
 */
public final class SimulatedRun {
    /** What one request sees of the run. */
    record View(String status, int visibleLogs) {
    }

    private final RunSpec spec;
    private final List<String> appended = new ArrayList<>();
    private String status;
    private int visibleLogs;
    private int servedLogsRequests;
    private long firstRequestMillis = -1;
    private int nextStage;

    SimulatedRun(RunSpec spec) {
        this.spec = spec;
        this.status = spec.status();
        this.visibleLogs = spec.stages().isEmpty() ? spec.scenarioLogCount() : 0;
    }

    public long id() {
        return spec.id();
    }

    public long organizationId() {
        return spec.organizationId();
    }

    /** Sets the status exactly as given (any case, any value); a later stage may still change it. */
    public synchronized void setStatus(String status) {
        this.status = status;
    }

    public synchronized String status() {
        return status;
    }

    /** Adds an entry after all others; it stays hidden until {@link #setVisibleLogs} (or a stage) shows it. */
    public synchronized void appendLog(String rawJsonObject) {
        appended.add(LogEntries.normalize(rawJsonObject, spec.id()));
    }

    /** How many entries the API shows (its total_logs), counted from the first: at most {@link #logCount()}. */
    public synchronized void setVisibleLogs(int count) {
        if (count < 0 || count > logCount()) {
            throw new IllegalArgumentException("visible logs must be 0.." + logCount() + ", got " + count);
        }
        this.visibleLogs = count;
    }

    public synchronized int visibleLogs() {
        return visibleLogs;
    }

    /** All entries the run holds, visible or not: the scenario's, generated and appended ones. */
    public synchronized int logCount() {
        return spec.scenarioLogCount() + appended.size();
    }

    RunSpec spec() {
        return spec;
    }

    /** A logs request arrives: progress the run, then count the request for later stages. */
    synchronized View serveLogsRequest(long nowMillis) {
        View view = observe(nowMillis);
        servedLogsRequests++;
        return view;
    }

    /** Any request for the run arrives: starts its clock and applies the stages now reached. */
    synchronized View observe(long nowMillis) {
        if (firstRequestMillis < 0) {
            firstRequestMillis = nowMillis;
        }
        List<Stage> stages = spec.stages();
        while (nextStage < stages.size()
                && stages.get(nextStage).reached(servedLogsRequests, nowMillis - firstRequestMillis)) {
            Stage stage = stages.get(nextStage++);
            if (stage.status() != null) {
                status = stage.status();
            }
            if (stage.visibleLogs() != null) {
                visibleLogs = stage.visibleLogs();
            }
        }
        return new View(status, visibleLogs);
    }

    /** The raw JSON text of entry {@code index} (0-based, chronological). */
    synchronized String entry(int index) {
        List<String> logs = spec.logs();
        if (index < logs.size()) {
            return logs.get(index);
        }
        int scenario = spec.scenarioLogCount();
        if (index < scenario) {
            return spec.generated().entry(index - logs.size());
        }
        return appended.get(index - scenario);
    }
}
