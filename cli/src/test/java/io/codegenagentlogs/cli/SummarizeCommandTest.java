package io.codegenagentlogs.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** summarize: every report rebuilt from a saved log, with no request to the API. */
public class SummarizeCommandTest extends SimulatorCliTest {
    private Map<String, String> env() {
        return Map.of("CODEGEN_API_TOKEN", token, "CODEGEN_API_BASE_URL", simulator.baseUrl(),
                "CODEGEN_ORG_ID", Long.toString(Scenarios.ORG));
    }

    private Path gate(long run, String dir) {
        CliRunner.Result r = CliRunner.run(workDir, env(), "gate", "--run", Long.toString(run), "--poll-interval", "100ms",
                "--report-dir", dir);
        assertTrue(r.toString(), r.exitCode() <= 1);
        return workDir.resolve(dir);
    }

    private CliRunner.Result summarize(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "summarize";
        System.arraycopy(args, 0, all, 1, args.length);
        // no token, no base URL: nothing here may need the API
        return CliRunner.run(workDir, Map.of(), all);
    }

    private static JsonObject json(Path dir) throws Exception {
        return JsonParser.parseString(Files.readString(dir.resolve("summary.json"))).getAsJsonObject();
    }

    @Test
    public void rebuildsEveryReportWithoutARequest() throws Exception {
        Path first = gate(Scenarios.FAILING_ENTRIES, "first");
        int requests = simulator.requests().count();
        CliRunner.Result r = summarize("--from", "first/logs.ndjson", "--report-dir", "again");
        assertEquals(r.toString(), ExitCodes.GATE_FAILED, r.exitCode());
        assertEquals(requests, simulator.requests().count());
        Path again = workDir.resolve("again");
        for (String f : GateFlow.REPORT_FILES) {
            assertTrue(f, Files.size(again.resolve(f)) > 0);
        }
        assertArrayEquals(Files.readAllBytes(first.resolve("logs.ndjson")), Files.readAllBytes(again.resolve("logs.ndjson")));
        JsonObject before = json(first);
        JsonObject after = json(again);
        for (String field : List.of("verdict", "reasons", "failing_entries", "counts", "failures", "tools", "run")) {
            assertEquals(field, before.get(field), after.get(field));
        }
        assertThat(r.out(), containsString("Rebuilt from 4 entries of " + first.resolve("logs.ndjson")
                + " (run 12345, status COMPLETE); no request was made."));
        assertThat(r.out(), containsString("Verdict: FAILED"));
    }

    @Test
    public void anotherPolicyOnTheSameLog() throws Exception {
        gate(Scenarios.FAILING_ENTRIES, "first");
        assertEquals(ExitCodes.PASSED, summarize("--from", "first/logs.ndjson", "--fail-on=").exitCode());
        assertEquals(ExitCodes.PASSED, summarize("--from", "first/logs.ndjson", "--max-failures", "2").exitCode());
        CliRunner.Result strict = summarize("--from", "first/logs.ndjson", "--fail-on", "ACTION", "--json");
        assertEquals(strict.toString(), ExitCodes.GATE_FAILED, strict.exitCode());
        JsonObject printed = JsonParser.parseString(strict.out()).getAsJsonObject();
        assertEquals(1, printed.get("failing_entries").getAsInt());
        assertEquals(Files.readString(workDir.resolve(SummarizeCommand.DEFAULT_REPORT_DIR).resolve("summary.json")), strict.out());
    }

    @Test
    public void theRunStatusComesFromTheSavedSummaryOrTheOption() throws Exception {
        gate(Scenarios.FAILED_STATUS, "failed");
        CliRunner.Result saved = summarize("--from", "failed/logs.ndjson", "--report-dir", "failed");
        assertEquals(saved.toString(), ExitCodes.GATE_FAILED, saved.exitCode());
        assertThat(saved.out(), containsString("the run ended with status FAILED"));
        CliRunner.Result told = summarize("--from", "failed/logs.ndjson", "--run-status", "complete");
        assertEquals(told.toString(), ExitCodes.PASSED, told.exitCode());
    }

    @Test
    public void aBareLogGivesTheRunIdAndAnUnknownStatus() throws Exception {
        CliRunner.Result logs = CliRunner.run(workDir, env(), "logs", "--run", Long.toString(Scenarios.FAILING_ENTRIES),
                "--format", "ndjson");
        Files.writeString(workDir.resolve("run.ndjson"), logs.out(), StandardCharsets.UTF_8);
        CliRunner.Result r = summarize("--from", "run.ndjson", "--fail-on=");
        assertEquals(r.toString(), ExitCodes.PASSED, r.exitCode());
        JsonObject run = json(workDir.resolve(SummarizeCommand.DEFAULT_REPORT_DIR)).getAsJsonObject("run");
        assertEquals(12345, run.get("id").getAsLong());
        assertEquals("UNKNOWN", run.get("status").getAsString());
    }

    @Test
    public void badInputIsAUsageError() throws Exception {
        Files.writeString(workDir.resolve("bad.ndjson"), "{\"agent_run_id\": 1, \"message_type\": \"ACTION\"}\nnot json\n{}\n");
        CliRunner.Result bad = summarize("--from", "bad.ndjson");
        assertEquals(bad.toString(), ExitCodes.USAGE, bad.exitCode());
        assertThat(bad.err(), containsString("line 2 is not a log entry"));
        CliRunner.Result missing = summarize("--from", "nowhere.ndjson");
        assertEquals(missing.toString(), ExitCodes.USAGE, missing.exitCode());
        assertThat(missing.err(), containsString("No such file: " + workDir.resolve("nowhere.ndjson")));
        assertEquals(ExitCodes.USAGE, summarize().exitCode());
    }

    @Test
    public void theLoopRuleAndChangeToolsAreOptionsToo() throws Exception {
        String call = "{\"agent_run_id\": 9, \"message_type\": \"ACTION\", \"tool_name\": \"run_tests\", "
                + "\"tool_input\": {\"path\": \"a\"}}\n";
        Files.writeString(workDir.resolve("loop.ndjson"), call.repeat(3), StandardCharsets.UTF_8);
        assertEquals(ExitCodes.PASSED, summarize("--from", "loop.ndjson").exitCode());
        CliRunner.Result loop = summarize("--from", "loop.ndjson", "--max-identical-calls", "2");
        assertEquals(loop.toString(), ExitCodes.GATE_FAILED, loop.exitCode());
        assertThat(loop.out(), containsString("run_tests"));
        assertEquals(ExitCodes.PASSED, summarize("--from", "loop.ndjson", "--max-identical-calls", "3").exitCode());

        CliRunner.Result negative = summarize("--from", "loop.ndjson", "--max-identical-calls", "-1");
        assertEquals(negative.toString(), ExitCodes.USAGE, negative.exitCode());
        assertThat(negative.err(), containsString("--max-identical-calls must be 0 (off) or more"));
        CliRunner.Result badGlob = summarize("--from", "loop.ndjson", "--change-tools", "run tests");
        assertEquals(badGlob.toString(), ExitCodes.USAGE, badGlob.exitCode());
        assertThat(badGlob.err(), containsString("--change-tools: "));

        // run_tests counted as a change tool: the audit trail lists its calls
        assertEquals(ExitCodes.PASSED, summarize("--from", "loop.ndjson", "--change-tools", "run_*", "--report-dir", "audit").exitCode());
        assertThat(Files.readString(workDir.resolve("audit/summary.json")), containsString("run_*"));
    }

    @Test
    public void completionScriptCompletesCommandsAndOptions() {
        CliRunner.Result r = CliRunner.run(workDir, Map.of(), "completion");
        assertEquals(r.toString(), ExitCodes.PASSED, r.exitCode());
        assertThat(r.out(), containsString("\ncomplete -F _complete_codegen-agent-logs -o default codegen-agent-logs "));
        assertThat(r.out(), containsString("local commands=\"gate run logs simulate demo summarize completion\""));
        assertThat(r.out(), containsString("--report-dir"));
        assertThat(r.out(), containsString("FORMAT_option_args=(\"text\" \"ndjson\")"));
    }
}
