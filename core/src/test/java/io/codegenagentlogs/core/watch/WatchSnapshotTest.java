package io.codegenagentlogs.core.watch;

import static org.junit.Assert.assertEquals;

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
}
