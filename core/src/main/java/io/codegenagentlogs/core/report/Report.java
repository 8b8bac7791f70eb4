package io.codegenagentlogs.core.report;

import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.watch.Anomaly;
import io.codegenagentlogs.core.watch.RequestStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a renderer needs, and nothing it would have to fetch: renderers are pure functions of
 * a report. Immutable; build with {@link #builder()}.
 */
public final class Report {
    private final RunSummary summary;
    private final GateDecision decision;
    private final GatePolicy policy;
    private final RequestStats stats;
    private final List<Anomaly> anomalies;
    private final long anomalyTotal;
    private final Duration duration;
    private final long orgId;
    private final long runId;
    private final Instant generatedAt;
    private final long logsFetched;

    private Report(Builder b) {
        this.summary = Objects.requireNonNull(b.summary, "summary");
        this.decision = Objects.requireNonNull(b.decision, "decision");
        this.policy = Objects.requireNonNull(b.policy, "policy");
        this.stats = b.stats == null ? RequestStats.NONE : b.stats;
        this.anomalies = List.copyOf(b.anomalies);
        this.anomalyTotal = Math.max(b.anomalyTotal, anomalies.size());
        this.duration = b.duration == null ? Duration.ZERO : b.duration;
        RunInfo run = summary.run();
        this.orgId = b.orgId != null ? b.orgId : run == null ? 0 : run.organizationId();
        this.runId = b.runId != null ? b.runId : run == null ? 0 : run.id();
        this.generatedAt = b.generatedAt == null ? Instant.now() : b.generatedAt;
        this.logsFetched = b.logsFetched != null ? b.logsFetched : summary.entriesSeen();
    }

    public static Builder builder() {
        return new Builder();
    }

    public RunSummary summary() {
        return summary;
    }

    public GateDecision decision() {
        return decision;
    }

    public GatePolicy policy() {
        return policy;
    }

    /** HTTP requests of the watch; {@link RequestStats#NONE} when unknown. */
    public RequestStats stats() {
        return stats;
    }

    /** The first anomalies of the watch, at most {@code WatchSnapshot.MAX_ANOMALIES}, in the order they happened. */
    public List<Anomaly> anomalies() {
        return anomalies;
    }

    /** All anomalies, shown or not. */
    public long anomalyTotal() {
        return anomalyTotal;
    }

    /** How long the watch took (wall clock, restarts included). */
    public Duration duration() {
        return duration;
    }

    /** The organization, as asked for (the run info's when not given). */
    public long orgId() {
        return orgId;
    }

    /** The run, as asked for (the run info's when not given). */
    public long runId() {
        return runId;
    }

    public Instant generatedAt() {
        return generatedAt;
    }

    /** Entries fetched (the watcher's cursor); the summary's entry count when not given. */
    public long logsFetched() {
        return logsFetched;
    }

    /** The run as last seen, or null. */
    public RunInfo run() {
        return summary.run();
    }

    public static final class Builder {
        private RunSummary summary;
        private GateDecision decision;
        private GatePolicy policy;
        private RequestStats stats;
        private List<Anomaly> anomalies = List.of();
        private long anomalyTotal;
        private Duration duration;
        private Long orgId;
        private Long runId;
        private Instant generatedAt;
        private Long logsFetched;

        public Builder summary(RunSummary summary) { this.summary = summary; return this; }
        public Builder decision(GateDecision decision) { this.decision = decision; return this; }
        public Builder policy(GatePolicy policy) { this.policy = policy; return this; }
        public Builder stats(RequestStats stats) { this.stats = stats; return this; }
        /** The anomalies the watch kept ({@code WatchSnapshot.anomalies()}) and how many it saw in all. */
        public Builder anomalies(List<Anomaly> kept, long total) { this.anomalies = kept; this.anomalyTotal = total; return this; }
        public Builder duration(Duration duration) { this.duration = duration; return this; }
        public Builder orgId(long orgId) { this.orgId = orgId; return this; }
        public Builder runId(long runId) { this.runId = runId; return this; }
        /** Defaults to now; set it for reproducible output. */
        public Builder generatedAt(Instant at) { this.generatedAt = at; return this; }
        public Builder logsFetched(long n) { this.logsFetched = n; return this; }

        /** @throws NullPointerException when summary, decision or policy is missing */
        public Report build() {
            return new Report(this);
        }
    }
}
