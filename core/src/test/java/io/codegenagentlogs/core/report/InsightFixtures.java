package io.codegenagentlogs.core.report;

import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.gate.Gate;
import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.watch.RequestStats;
import io.codegenagentlogs.core.watch.WatchOutcomes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A realistic run for the insight sections: {@code insights-run.ndjson} (35 entries, every documented
 * message type and TOOL_APPROVAL_REQUEST) where the agent loops on one test command four times with
 * the same ERROR three times, edits, writes, deletes and moves files, commits twice, fails to open a
 * pull request, opens PR 78, links a review run and ends with a final answer naming the PR.
 */
public final class InsightFixtures {
    /** The loop rule the realistic report is gated with: four identical calls break it. */
    public static final int MAX_IDENTICAL_CALLS = 3;

    private InsightFixtures() {
    }

    public static Path ndjson() {
        try {
            return Path.of(InsightFixtures.class.getResource("insights-run.ndjson").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static GatePolicy policy() {
        return GatePolicy.builder().maxIdenticalCalls(MAX_IDENTICAL_CALLS).build();
    }

    public static RunSummary summary(GatePolicy policy) {
        SummaryAccumulator acc = new SummaryAccumulator(policy);
        acc.onRun(new RunInfo(4242, 67890, "COMPLETE", "2025-03-04T09:00:00Z", "https://app.codegen.com/agent/trace/4242",
                "Opened PR #78"));
        try {
            NdjsonReplay.replay(ndjson(), acc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return acc.snapshot();
    }

    /** The run gated with {@link #policy()}: FAILED by its failing entries and by the loop rule. */
    public static Report report() {
        GatePolicy policy = policy();
        RunSummary s = summary(policy);
        GateDecision d = Gate.evaluate(policy, WatchOutcomes.completed(s.run()), s.countsByType(), s.reasoning().callRepeat());
        return Report.builder().summary(s).decision(d).policy(policy).stats(new RequestStats(3, 0, 0))
                .duration(Duration.ofSeconds(290)).generatedAt(Fixtures.T0).build();
    }
}
