package io.codegenagentlogs.core.report;

import static io.codegenagentlogs.core.report.Fixtures.entry;
import static io.codegenagentlogs.core.report.Fixtures.json;
import static io.codegenagentlogs.core.report.Fixtures.str;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.codegenagentlogs.core.api.LogEntry;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.watch.LogListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class NdjsonReplayTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final GatePolicy policy = GatePolicy.defaults();

    private static LogEntry sample(int i) {
        String[] types = {"ACTION", "PLAN_EVALUATION", "ERROR", "ACTION", "FINAL_ANSWER", "PR_CREATION_FAILED"};
        return entry(types[i % types.length], i % 4 == 0 ? null : "tool" + (i % 7), "thought " + i + "\nline",
                i % 3 == 0 ? json("{\"status\":\"error\",\"n\":" + i + "}") : str("obs \u4e2d " + i), null,
                "2024-01-15T10:" + String.format("%02d:%02d", (i / 60) % 60, i % 60) + "Z");
    }

    @Test
    public void replayRebuildsTheSameSummaryAsLiveAccumulation() throws IOException {
        Path file = tmp.getRoot().toPath().resolve(ReportFiles.LOGS_NDJSON);
        SummaryAccumulator live = new SummaryAccumulator(policy);
        try (NdjsonLogWriter writer = NdjsonLogWriter.open(file, 0)) {
            LogListener both = LogListener.all(live, writer);
            for (int i = 0; i < 3000; i++) {
                both.onEntry(i, sample(i));
            }
        }
        SummaryAccumulator rebuilt = new SummaryAccumulator(policy);
        assertEquals(3000, NdjsonReplay.replay(file, rebuilt));

        RunSummary a = live.snapshot();
        RunSummary b = rebuilt.snapshot();
        assertEquals(a.entriesSeen(), b.entriesSeen());
        assertEquals(a.countsByType(), b.countsByType());
        assertEquals(a.tools().toString(), b.tools().toString());
        assertEquals(a.failureTotal(), b.failureTotal());
        assertEquals(a.failures().toString(), b.failures().toString());
        assertEquals(a.finalAnswer(), b.finalAnswer());
        assertEquals(a.firstEntryAt(), b.firstEntryAt());
        assertEquals(a.lastEntryAt(), b.lastEntryAt());
        assertEquals(a.timeline().toString(), b.timeline().toString());
        assertTrue(a.count("ERROR") > 0 && a.tools().size() == 7);
    }

    @Test
    public void replayStopsAtTheCursor() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("f.ndjson");
        List<Long> seen = new ArrayList<>();
        try (NdjsonLogWriter w = NdjsonLogWriter.open(file, 0)) {
            for (int i = 0; i < 10; i++) {
                w.onEntry(i, sample(i));
            }
        }
        assertEquals(4, NdjsonReplay.replay(file, new LogListener() {
            @Override
            public void onEntry(long index, LogEntry entry) {
                seen.add(index);
            }
        }, 4));
        assertEquals(List.of(0L, 1L, 2L, 3L), seen);
    }

    @Test
    public void anUnfinishedLastLineIsReplayedOnlyWhenItDecodes() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("f.ndjson");
        String a = sample(0).rawJson();
        Files.writeString(file, a + "\n" + a + "\n{\"agent_run_id\":1,\"mess", StandardCharsets.UTF_8);
        assertEquals(2, NdjsonReplay.replay(file, new SummaryAccumulator(policy)));
        Files.writeString(file, a + "\n" + a, StandardCharsets.UTF_8);
        assertEquals(2, NdjsonReplay.replay(file, new SummaryAccumulator(policy)));
    }

    @Test
    public void aBrokenCompleteLineIsAnError() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("f.ndjson");
        String a = sample(0).rawJson();
        Files.writeString(file, a + "\n[1,2]\n" + a + "\n", StandardCharsets.UTF_8);
        try {
            NdjsonReplay.replay(file, new SummaryAccumulator(policy));
            fail("line 2 is not an entry");
        } catch (IOException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("line 2"));
        }
    }

    @Test
    public void emptyFileReplaysNothing() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("f.ndjson");
        Files.writeString(file, "");
        assertEquals(0, NdjsonReplay.replay(file, new SummaryAccumulator(policy)));
    }
}
