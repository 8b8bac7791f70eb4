package io.codegenagentlogs.core.console;

import static io.codegenagentlogs.core.report.Fixtures.entry;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.core.gate.GateDecision;
import io.codegenagentlogs.core.gate.GatePolicy;
import io.codegenagentlogs.core.gate.Verdict;
import io.codegenagentlogs.core.report.Fixtures;
import io.codegenagentlogs.core.watch.Anomaly;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.Test;

public class ConsolePrinterTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private List<String> lines() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split(System.lineSeparator()));
    }

    private void feed(ConsolePrinter p) {
        p.onRun(Fixtures.run("PENDING"));
        p.onRun(Fixtures.run("pending"));
        p.onEntry(0, entry("ACTION", "t", "working", null));
        p.onWaiting(Fixtures.run("PENDING"), 1, 1, Duration.ofSeconds(5));
        p.onRetry("HTTP 429", 1, Duration.ofSeconds(2));
        p.onRun(Fixtures.run("RUNNING"));
        p.onEntry(1, entry("ERROR", "t", "oops", null));
        p.onAnomaly(new Anomaly(Anomaly.Kind.EMPTY_PAGE, 2, "empty"));
        p.onRun(Fixtures.run("RUNNING"));
        p.onRun(Fixtures.run("COMPLETE"));
    }

    @Test
    public void printsTheRunOnceAndOnEachStatusChange() {
        feed(new ConsolePrinter(out, GatePolicy.defaults()));
        List<String> lines = lines();
        assertEquals(lines.toString(), 8, lines.size());
        assertTrue(lines.get(0).endsWith("status PENDING, https://app.codegen.com/agent/trace/12345"));
        assertTrue(lines.get(1).startsWith("#0 "));
        assertTrue(lines.get(2).startsWith("… status PENDING, 1 of 1"));
        assertTrue(lines.get(3), lines.get(3).startsWith("… HTTP 429; retrying in 2s"));
        assertTrue(lines.get(4).contains("status RUNNING"));
        assertTrue(lines.get(5).startsWith("#1 "));
        assertTrue(lines.get(6).startsWith("! anomaly EMPTY_PAGE"));
        assertTrue(lines.get(7).contains("status COMPLETE"));
    }

    @Test
    public void quietPrintsOnlyStatusChangesFailingEntriesAndAnomalies() {
        feed(new ConsolePrinter(out, GatePolicy.defaults(), true));
        List<String> lines = lines();
        assertEquals(lines.toString(), 5, lines.size());
        assertTrue(lines.get(0).contains("status PENDING"));
        assertTrue(lines.get(1).contains("status RUNNING"));
        assertTrue(lines.get(2).startsWith("#1 ") && lines.get(2).contains("ERROR"));
        assertTrue(lines.get(3).startsWith("! anomaly"));
        assertTrue(lines.get(4).contains("status COMPLETE"));
    }

    @Test
    public void identicalWaitsAreThinnedToAHeartbeat() {
        ConsolePrinter p = new ConsolePrinter(out, GatePolicy.defaults());
        for (int i = 0; i < 13; i++) {
            p.onWaiting(Fixtures.run("RUNNING"), 5, 5, Duration.ofSeconds(10));
        }
        p.onWaiting(Fixtures.run("RUNNING"), 6, 6, Duration.ofSeconds(10));
        // the first, the 7th and the 13th of the identical ones, then the changed one
        assertEquals(4, lines().size());
        assertTrue(lines().get(3).contains("6 of 6"));
    }

    @Test
    public void printsTheVerdict() {
        new ConsolePrinter(out, GatePolicy.defaults()).printVerdict(new GateDecision(Verdict.PASSED, List.of("fine"), 0));
        assertEquals(List.of("Verdict: PASSED: fine"), lines());
    }
}
