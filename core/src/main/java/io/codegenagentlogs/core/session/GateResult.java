package io.codegenagentlogs.core.session;

import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.report.Report;
import io.codegenagentlogs.core.watch.WatchOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/** The end of a gate: the decision, the full report, and where its files are. */
public final class GateResult {
    private final GateDecision decision;
    private final Report report;
    private final WatchOutcome outcome;
    private final Path reportDir;

    GateResult(GateDecision decision, Report report, WatchOutcome outcome, Path reportDir) {
        this.decision = decision;
        this.report = report;
        this.outcome = outcome;
        this.reportDir = reportDir;
    }

    public GateDecision decision() {
        return decision;
    }

    public Report report() {
        return report;
    }

    public WatchOutcome outcome() {
        return outcome;
    }

    public Path reportDir() {
        return reportDir;
    }

    /**
     * The result as plain maps, lists, strings and numbers (what a Pipeline script can branch on):
     * {@code verdict, passed, status, runId, orgId, webUrl, logsFetched, failures, counts, reasons}.
     */
    public Map<String, Object> toMap() {
        RunInfo run = report.run();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("verdict", decision.verdict().name());
        map.put("passed", decision.passed());
        map.put("status", run == null ? null : run.status().toString());
        map.put("runId", report.runId());
        map.put("orgId", report.orgId());
        map.put("webUrl", run == null ? null : run.safeWebUrl());
        map.put("logsFetched", report.logsFetched());
        map.put("failures", decision.failingEntries());
        map.put("counts", new LinkedHashMap<>(report.summary().countsByType()));
        map.put("reasons", new ArrayList<>(decision.reasons()));
        return map;
    }
}
