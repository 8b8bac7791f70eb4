package io.codegenagentlogs.core.watch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.report.SummaryAccumulator;
import org.junit.Test;

public class WatchSnapshotTest {
    @Test
    public void keepsTheFirstAnomaliesAndCountsThemAll() {
        WatchSnapshot s = WatchSnapshot.start(1, 2, 0);
        int seen = WatchSnapshot.MAX_ANOMALIES + 7;
        for (int i = 0; i < seen; i++) {
            s = s.withAnomaly(new Anomaly(Anomaly.Kind.EMPTY_PAGE, i, "empty page " + i));
        }
        assertEquals(WatchSnapshot.MAX_ANOMALIES, s.anomalies().size());
        assertEquals(seen, s.anomalyTotal());
        assertEquals(0, s.anomalies().get(0).skip());
        assertEquals(WatchSnapshot.MAX_ANOMALIES - 1, s.anomalies().get(WatchSnapshot.MAX_ANOMALIES - 1).skip());
    }

    @Test
    public void anEarlierSnapshotIsNotChangedByLaterAnomalies() {
        WatchSnapshot before = WatchSnapshot.start(1, 2, 0).withAnomaly(new Anomaly(Anomaly.Kind.NULL_LOGS, 0, "null"));
        WatchSnapshot after = before.withAnomaly(new Anomaly(Anomaly.Kind.EMPTY_PAGE, 0, "empty"));
        assertEquals(1, before.anomalies().size());
        assertEquals(2, after.anomalies().size());
    }

    @Test
    public void restoredAnomaliesKeepTheSummaryBoundAndTotal() {
        WatchSnapshot s = WatchSnapshot.start(1, 2, 0);
        for (int i = 0; i < WatchSnapshot.MAX_ANOMALIES + 3; i++) {
            s = s.withAnomaly(new Anomaly(Anomaly.Kind.REPEATED_ENTRIES, i, "repeat " + i));
        }
        SummaryAccumulator summary = new SummaryAccumulator(GatePolicy.defaults());
        summary.restoreAnomalies(s.anomalies(), s.anomalyTotal());
        summary.onAnomaly(new Anomaly(Anomaly.Kind.TOTAL_SHRANK, 99, "after the restart"));
        assertEquals(SummaryAccumulator.MAX_ANOMALIES, summary.snapshot().anomalies().size());
        assertEquals(WatchSnapshot.MAX_ANOMALIES + 4, summary.snapshot().anomalyTotal());
        assertTrue(summary.snapshot().anomalies().stream().allMatch(a -> a.kind() == Anomaly.Kind.REPEATED_ENTRIES));
    }
}
