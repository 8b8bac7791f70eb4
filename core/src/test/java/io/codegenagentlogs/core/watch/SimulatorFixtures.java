package io.codegenagentlogs.core.watch;

import io.codegenagentlogs.core.api.ApiToken;
import io.codegenagentlogs.core.api.CodegenApiClient;
import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.api.RateLimit;
import io.codegenagentlogs.core.api.RateLimiter;
import io.codegenagentlogs.core.api.RetryPolicy;
import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.api.TimeSource;
import io.codegenagentlogs.simulator.CodegenSimulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A client on a simulator, quick options, and a listener that records everything it hears. */
public final class SimulatorFixtures {
    public static final long ORG = 67890;

    private SimulatorFixtures() {
    }

    public static CodegenApiClient client(CodegenSimulator sim) {
        return CodegenApiClient.builder()
                .baseUrl(sim.baseUrl())
                .token(ApiToken.of("sim-token"))
                .rateLimiter(new RateLimiter(new RateLimit(100_000, Duration.ofSeconds(1)), TimeSource.SYSTEM))
                // generous: a cold JVM's first request on a busy machine must not time out (tests count requests)
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .build();
    }

    /** Polls every 10 ms, retries after 5 ms doubling to 20 ms, 20 s timeout. */
    public static WatchOptions quick() {
        return quickBuilder().build();
    }

    public static WatchOptions.Builder quickBuilder() {
        return WatchOptions.builder().pollInterval(Duration.ofMillis(10)).timeout(Duration.ofSeconds(20))
                .retryPolicy(RetryPolicy.of(Duration.ofMillis(5), Duration.ofMillis(20)));
    }

    /**
     * Scenario JSON of one run with {@code count} hand-made entries whose text tells their position,
     * all visible; {@code SimulatedRun.setVisibleLogs} hides the later ones.
     */
    public static String scenario(long runId, String status, int count) {
        StringBuilder logs = new StringBuilder();
        for (int i = 0; i < count; i++) {
            logs.append(i == 0 ? "" : ",").append(entry(runId, i));
        }
        return "{\"tokens\":[\"sim-token\"],\"runs\":[{\"id\":" + runId + ",\"organization_id\":" + ORG + ",\"status\":\"" + status
                + "\",\"web_url\":\"https://app.codegen.com/agent/trace/" + runId + "\",\"logs\":[" + logs + "]}]}";
    }

    /** What a persisted snapshot becomes after Java serialization and back, as across a restart. */
    public static WatchSnapshot serializedAndBack(WatchSnapshot snapshot) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(snapshot);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (WatchSnapshot) in.readObject();
        }
    }

    public static String entry(long runId, int i) {
        return "{\"agent_run_id\":" + runId + ",\"created_at\":\"2025-06-21 11:20:" + String.format("%02d", i % 60) + "." + i
                + "\",\"message_type\":\"" + (i % 10 == 9 ? "PLAN_EVALUATION" : "ACTION") + "\",\"tool_name\":\"file_view\",\"thought\":\"step " + i + "\"}";
    }

    /** Everything a watcher told its listener, in order. */
    public static final class Recording implements LogListener {
        public final List<Long> indexes = new ArrayList<>();
        public final List<String> raws = new ArrayList<>();
        public final List<Anomaly> anomalies = new ArrayList<>();
        public final List<String> retries = new ArrayList<>();
        public int waits;
        public RunInfo lastRun;

        @Override
        public void onRun(RunInfo run) {
            lastRun = run;
        }

        @Override
        public void onEntry(long index, LogEntry entry) {
            indexes.add(index);
            raws.add(entry.rawJson());
        }

        @Override
        public void onWaiting(RunInfo run, long fetched, long totalLogs, Duration nextPollIn) {
            waits++;
        }

        @Override
        public void onRetry(String reason, int attempt, Duration delay) {
            retries.add(reason);
        }

        @Override
        public void onAnomaly(Anomaly anomaly) {
            anomalies.add(anomaly);
        }

        public List<Anomaly.Kind> anomalyKinds() {
            return anomalies.stream().map(Anomaly::kind).toList();
        }
    }
}
