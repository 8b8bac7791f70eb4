package io.codegenagentlogs.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.core.api.RunInfo;
import io.codegenagentlogs.core.console.ConsolePrinter;
import io.codegenagentlogs.core.gate.GatePolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;

/** Colours and the live status line on a terminal; plain, append-only lines anywhere else. */
public class TerminalOutputTest extends SimulatorCliTest {
    private static final String ESC = "\u001b";
    private static final String ERASE = "\r\u001b[2K";

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("CODEGEN_API_TOKEN", token);
        env.put("CODEGEN_API_BASE_URL", simulator.baseUrl());
        env.put("CODEGEN_ORG_ID", Long.toString(Scenarios.ORG));
        return env;
    }

    private CliRunner.Result gate(Terminal terminal, Map<String, String> env, long run, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("gate", "--run", Long.toString(run), "--poll-interval", "100ms"));
        args.addAll(List.of(more));
        return new CliRunner(workDir, env, terminal).run(args.toArray(String[]::new));
    }

    @Test
    public void onATerminalEntriesAreColouredByType() {
        CliRunner.Result r = gate(new Terminal(true, true), env(), Scenarios.FAILING_ENTRIES);
        assertEquals(r.toString(), ExitCodes.GATE_FAILED, r.exitCode());
        assertThat(r.out(), containsString(TerminalOutput.RED + "#1 "));
        assertThat(r.out(), containsString(TerminalOutput.RED + "#2 "));
        assertThat(r.out(), containsString(TerminalOutput.GREEN + "#3 "));
        assertThat(r.out(), containsString(ERASE + "#0 ")); // an ACTION: no colour
        assertThat(r.out(), containsString(TerminalOutput.RED + TerminalOutput.BOLD + "Verdict: FAILED"));
        // every colour is reset on its own line: nothing bleeds into the next
        for (String line : r.out().split("\n")) {
            if (line.contains(ESC + "[3")) {
                assertTrue(line, line.endsWith(ESC + "[0m"));
            }
        }
    }

    @Test
    public void theStatusLineUpdatesInPlaceAboveNothingButTheEntries() throws Exception {
        CliRunner cli = new CliRunner(workDir, env(), new Terminal(true, true));
        CompletableFuture<CliRunner.Result> running = cli.start("gate", "--run", Long.toString(Scenarios.LIVE),
                "--poll-interval", "100ms");
        assertTrue(simulator.requests().awaitCount(3, Duration.ofSeconds(10)));
        assertThat(cli.out(), containsString(TerminalOutput.DIM + "… CONNECTING, 0 logs fetched, 0s elapsed"));
        simulator.run(Scenarios.LIVE).setVisibleLogs(3);
        simulator.run(Scenarios.LIVE).setStatus("completed");
        CliRunner.Result r = running.get(20, TimeUnit.SECONDS);
        assertEquals(r.toString(), ExitCodes.PASSED, r.exitCode());
        String out = r.out();
        assertThat(out, containsString(ERASE + TerminalOutput.DIM + "… RUNNING, 1 of 1 logs fetched, "));
        assertThat(out, containsString(" elapsed, next poll in "));
        // the waits are in the status line, not printed as lines of their own
        assertThat(out, not(containsString("… status RUNNING")));
        // the status line is erased before each line and at the end: the last thing printed is a whole line
        assertThat(out, containsString(ERASE + "#1 "));
        assertTrue(out, out.endsWith("\n"));
        String afterLastErase = out.substring(out.lastIndexOf(ERASE) + ERASE.length());
        assertFalse(afterLastErase, afterLastErase.contains("…"));
    }

    @Test
    public void notATerminalMeansPlainAppendOnlyLines() {
        CliRunner.Result r = gate(Terminal.PLAIN, env(), Scenarios.FAILING_ENTRIES);
        assertFalse(r.out(), r.all().contains(ESC) || r.all().contains("\r"));
        assertThat(r.out(), containsString("Verdict: FAILED"));
    }

    @Test
    public void noColorAndItsEnvironmentVariableTurnColoursOff() {
        Map<String, String> noColor = env();
        noColor.put("NO_COLOR", "1");
        for (CliRunner.Result r : List.of(gate(new Terminal(true, true), noColor, Scenarios.FAILING_ENTRIES),
                gate(new Terminal(true, true), env(), Scenarios.FAILING_ENTRIES, "--no-color"))) {
            assertEquals(r.toString(), ExitCodes.GATE_FAILED, r.exitCode());
            assertFalse(r.out(), r.out().contains(ESC + "[3") || r.out().contains(ESC + "[1m") || r.out().contains(ESC + "[2m"));
            assertThat(r.out(), containsString("Verdict: FAILED"));
        }
        // an empty NO_COLOR is unset, as the convention says
        Map<String, String> empty = env();
        empty.put("NO_COLOR", "");
        assertThat(gate(new Terminal(true, true), empty, Scenarios.FAILING_ENTRIES).out(), containsString(TerminalOutput.RED));
    }

    @Test
    public void logsColoursTextEntriesOnATerminal() {
        CliRunner.Result r = new CliRunner(workDir, env(), new Terminal(true, true))
                .run("logs", "--run", Long.toString(Scenarios.FAILING_ENTRIES), "--poll-interval", "100ms");
        assertEquals(r.toString(), ExitCodes.PASSED, r.exitCode());
        assertThat(r.out(), containsString(TerminalOutput.RED + "#1 "));
        CliRunner.Result ndjson = new CliRunner(workDir, env(), new Terminal(true, true))
                .run("logs", "--run", Long.toString(Scenarios.FAILING_ENTRIES), "--format", "ndjson");
        assertFalse(ndjson.out().contains(ESC));
    }

    @Test
    public void statusLineReadsLikeTheWaitLine() {
        AtomicLong now = new AtomicLong(1_000_000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream raw = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TerminalOutput term = new TerminalOutput(raw, new Terminal(true, false), 80);
        try (LiveProgress live = new LiveProgress(term, new ConsolePrinter(term, GatePolicy.defaults()), GatePolicy.defaults(),
                true, now::get)) {
            RunInfo run = new RunInfo(1, 2, "running", null, null, null);
            live.onWaiting(run, 40, 57, Duration.ofSeconds(10));
            now.addAndGet(65_000 + 3_000);
            assertEquals("… RUNNING, 40 of 57 logs fetched, 1m 08s elapsed, next poll in 0s", live.statusLine());
            live.onWaiting(run, 40, 57, Duration.ofSeconds(10));
            now.addAndGet(2_500);
            assertEquals("… RUNNING, 40 of 57 logs fetched, 1m 10s elapsed, next poll in 8s", live.statusLine());
        }
        assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("\r\u001b[2K"));
    }
}
