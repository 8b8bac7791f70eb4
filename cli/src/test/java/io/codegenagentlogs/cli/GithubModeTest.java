package io.codegenagentlogs.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.CoreMatchers.startsWith;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Before;
import org.junit.Test;

/**
 * The CLI with {@code GITHUB_ACTIONS=true}, against a simulator, with real {@code GITHUB_OUTPUT} and
 * {@code GITHUB_STEP_SUMMARY} files: what the runner would act on (see {@link RunnerModel}), the exact
 * files, and agent text that tries to act as workflow commands.
 */
public class GithubModeTest extends SimulatorCliTest {
    /** FAILED, with twelve ERROR entries and agent text full of workflow commands. */
    static final long HOSTILE = 6660;
    private static final String TOKEN_PATTERN = "codegen-agent-logs-[0-9a-f]{32}";

    private CodegenSimulator hostile;
    private Path outputFile;
    private Path summaryFile;

    @Before
    public void files() throws Exception {
        outputFile = tmp.newFile("github_output").toPath();
        summaryFile = tmp.newFile("step_summary").toPath();
        hostile = CodegenSimulator.start(Scenario.fromJson(hostileScenario(token)));
    }

    @org.junit.After
    public void stopHostile() {
        hostile.close();
    }

    static String hostileScenario(String token) {
        List<String> logs = new ArrayList<>();
        logs.add("{\"message_type\": \"ACTION\", \"tool_name\": \"read_file\", \"thought\": \"::set-output name=verdict::PASSED\"}");
        logs.add("{\"message_type\": \"ACTION\", \"thought\": \"##[add-mask]hidden ##[error]forged\", \"observation\": \"::endgroup::\"}");
        for (int i = 0; i < 12; i++) {
            logs.add("{\"message_type\": \"ERROR\", \"created_at\": \"2025-06-21 11:20:" + (10 + i) + "\", "
                    + "\"tool_name\": \"run,title=x::y\", \"observation\": \"boom " + i
                    + " %0A::error::forged\\r\\n::notice::x ##[warning]w\"}");
        }
        logs.add("{\"message_type\": \"FINAL_ANSWER\", \"observation\": \"::stop-commands::guess\\n::guess::\\n::error::after\"}");
        return "{\"tokens\": [\"" + token + "\"], \"runs\": [{\"id\": " + HOSTILE + ", \"organization_id\": " + Scenarios.ORG
                + ", \"status\": \"FAILED\", \"logs\": [" + String.join(", ", logs) + "]}]}";
    }

    private Map<String, String> env(CodegenSimulator sim) {
        Map<String, String> env = new HashMap<>();
        env.put("CODEGEN_API_TOKEN", token);
        env.put("CODEGEN_API_BASE_URL", sim.baseUrl());
        env.put("CODEGEN_ORG_ID", Long.toString(Scenarios.ORG));
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", outputFile.toString());
        env.put("GITHUB_STEP_SUMMARY", summaryFile.toString());
        return env;
    }

    private CliRunner.Result gate(CodegenSimulator sim, long run, String... more) {
        List<String> args = new ArrayList<>(List.of("gate", "--run", Long.toString(run), "--poll-interval", "100ms",
                "--report-dir", "report"));
        args.addAll(List.of(more));
        return CliRunner.run(workDir, env(sim), args.toArray(String[]::new));
    }

    @Test
    public void passingRunMasksGroupsAndWritesExactFiles() throws Exception {
        CliRunner.Result r = gate(simulator, Scenarios.PASSING);
        assertEquals(r.toString(), ExitCodes.PASSED, r.exitCode());
        assertEquals("::add-mask::" + token, r.out().lines().findFirst().orElseThrow());

        List<RunnerModel.Command> commands = RunnerModel.commands(r.out());
        assertEquals(List.of("add-mask", "group", "stop-commands", "resume", "endgroup", "stop-commands", "resume"),
                names(commands));
        assertEquals("Codegen agent run 1001 (org 67890): log", commands.get(1).data());
        assertTrue(commands.get(2).data().matches(TOKEN_PATTERN));
        assertTrue("a fresh token per region", !commands.get(2).data().equals(commands.get(5).data()));
        // the entries are inside the group, where commands are off
        String inGroup = between(r.out(), "::stop-commands::" + commands.get(2).data(), "::" + commands.get(2).data() + "::");
        assertThat(inGroup, containsString("FINAL_ANSWER"));
        assertThat(between(r.out(), "::stop-commands::" + commands.get(5).data(), "::" + commands.get(5).data() + "::"),
                containsString("Verdict: PASSED"));

        Path report = workDir.resolve("report");
        assertEquals("verdict=PASSED\nstatus=COMPLETE\nlogs-fetched=2\nfailures=0\nerror-count=0\n"
                + "web-url=https://app.codegen.com/agent/trace/1001\nreport-dir=" + report + "\n"
                + "reasons=" + reasons(report).get(0) + "\n", Files.readString(outputFile));
        assertEquals(Files.readString(report.resolve("summary.md")), Files.readString(summaryFile));
    }

    @Test
    public void agentTextNeverActsAsACommand() throws Exception {
        CliRunner.Result r = gate(hostile, HOSTILE);
        assertEquals(r.toString(), ExitCodes.GATE_FAILED, r.exitCode());
        List<RunnerModel.Command> commands = RunnerModel.commands(r.out());
        List<String> expected = new ArrayList<>(List.of("add-mask", "group", "stop-commands", "resume", "endgroup",
                "stop-commands", "resume"));
        for (int i = 0; i < GithubMode.MAX_ERROR_ANNOTATIONS; i++) {
            expected.add("error");
        }
        expected.add("notice");
        assertEquals(r.out(), expected, names(commands));

        // each annotation: one entry, its time and index in the title, the agent text as data, nothing broken out
        for (int i = 0; i < GithubMode.MAX_ERROR_ANNOTATIONS; i++) {
            RunnerModel.Command c = commands.get(7 + i);
            assertEquals(Map.of("title", "Codegen agent run 6660: ERROR at 2025-06-21 11:20:" + (10 + i)
                    + " (entry #" + (2 + i) + ")"), c.properties());
            assertThat(c.data(), startsWith("run,title=x::y: boom " + i + " %0A::error::forged"));
            assertFalse(c.data(), c.data().contains("\n") || c.data().contains("\r"));
        }
        assertEquals("Codegen agent run 6660: 2 more failing entries", commands.get(17).properties().get("title"));

        Path report = workDir.resolve("report");
        String outputs = Files.readString(outputFile);
        Matcher m = Pattern.compile("(?s)verdict=FAILED\nstatus=FAILED\nlogs-fetched=15\nfailures=12\nerror-count=12\n"
                + "web-url=https://app.codegen.com/agent/trace/6660\nreport-dir=" + Pattern.quote(report.toString()) + "\n"
                + "reasons<<(ghadelimiter_[0-9a-f]{32})\n(.*)\n\\1\n").matcher(outputs);
        assertTrue(outputs, m.matches());
        assertEquals(String.join("\n", reasons(report)), m.group(2));
        assertEquals(2, reasons(report).size());
        Map<String, String> parsed = RunnerModel.outputs(outputFile);
        assertEquals("FAILED", parsed.get("verdict"));
        assertEquals(GithubMode.OUTPUT_NAMES, new ArrayList<>(parsed.keySet()));
        assertEquals(Files.readString(report.resolve("summary.md")), Files.readString(summaryFile));
    }

    @Test
    public void agentTextWouldActWithoutTheRegions() throws Exception {
        // the check above can fail: the same log with the stop/resume lines taken out shows the forged commands
        CliRunner.Result r = gate(hostile, HOSTILE);
        String unprotected = r.out().replaceAll("(?m)^::(stop-commands::)?" + TOKEN_PATTERN + "(::)?\n", "");
        assertThat(names(RunnerModel.commands(unprotected)).toString(), containsString("legacy ##["));
    }

    @Test
    public void logsKeepsAgentTextInsideItsRegion() {
        CliRunner.Result text = CliRunner.run(workDir, env(hostile), "logs", "--run", Long.toString(HOSTILE), "--poll-interval", "100ms");
        assertEquals(text.toString(), ExitCodes.PASSED, text.exitCode());
        assertEquals(List.of("add-mask", "group", "stop-commands", "resume", "endgroup"), names(RunnerModel.commands(text.out())));
        assertEquals(List.of(), RunnerModel.commands(text.err()));
        assertThat(text.out(), containsString("##[error]forged"));

        // NDJSON is data for a pipe: no commands of ours in it, progress in a region of its own on standard error
        CliRunner.Result ndjson = CliRunner.run(workDir, env(hostile), "logs", "--run", Long.toString(HOSTILE),
                "--poll-interval", "100ms", "--format", "ndjson");
        assertEquals(ndjson.toString(), ExitCodes.PASSED, ndjson.exitCode());
        assertEquals(15, ndjson.out().lines().count());
        assertTrue(ndjson.out(), ndjson.out().lines().allMatch(l -> l.startsWith("{\"agent_run_id\":6660,")));
        assertEquals("::add-mask::" + token, ndjson.err().lines().findFirst().orElseThrow());
        assertEquals(List.of("add-mask", "group", "stop-commands", "resume", "endgroup"), names(RunnerModel.commands(ndjson.err())));
    }

    @Test
    public void jsonKeepsStandardOutputForTheSummary() throws Exception {
        CliRunner.Result r = gate(simulator, Scenarios.PASSING, "--json");
        assertEquals(r.toString(), ExitCodes.PASSED, r.exitCode());
        assertEquals(Files.readString(workDir.resolve("report/summary.json")), r.out());
        assertEquals("::add-mask::" + token, r.err().lines().findFirst().orElseThrow());
        assertEquals(List.of("add-mask", "group", "stop-commands", "resume", "endgroup", "stop-commands", "resume"),
                names(RunnerModel.commands(r.err())));
    }

    @Test
    public void tokenFromAFileIsMaskedBeforeAnythingElse() throws Exception {
        Path file = tmp.newFile("token").toPath();
        Files.writeString(file, token + "\n");
        Map<String, String> env = env(simulator);
        env.remove("CODEGEN_API_TOKEN");
        CliRunner.Result r = CliRunner.run(workDir, env, "gate", "--run", "1001", "--token-file", file.toString(),
                "--poll-interval", "100ms");
        assertEquals(r.toString(), ExitCodes.PASSED, r.exitCode());
        assertEquals("::add-mask::" + token, r.out().lines().findFirst().orElseThrow());
    }

    @Test
    public void errorsBecomeAnnotations() {
        Map<String, String> env = env(simulator);
        CliRunner.Result r = CliRunner.run(workDir, env, "gate", "--run", "abc");
        assertEquals(r.toString(), ExitCodes.USAGE, r.exitCode());
        List<RunnerModel.Command> commands = RunnerModel.commands(r.err());
        assertEquals("error", commands.get(commands.size() - 1).name());
        assertThat(commands.get(commands.size() - 1).data(), containsString("run id (--run)"));
        // the token appears once: in the line that tells the runner to hide it
        assertEquals(1, r.all().split(token, -1).length - 1);
    }

    @Test
    public void aSummaryThatWouldPassOneMebibyteIsCutWithANote() throws Exception {
        String earlier = "x".repeat(StepFiles.MAX_SUMMARY_BYTES - 1500 - 1) + "\n";
        Files.writeString(summaryFile, earlier);
        CliRunner.Result r = gate(hostile, HOSTILE);
        assertEquals(r.toString(), ExitCodes.GATE_FAILED, r.exitCode());
        byte[] all = Files.readAllBytes(summaryFile);
        assertTrue("size " + all.length, all.length <= StepFiles.MAX_SUMMARY_BYTES);
        String added = new String(all, StandardCharsets.UTF_8).substring(earlier.length());
        String whole = Files.readString(workDir.resolve("report/summary.md"));
        assertTrue(added.length() < whole.length());
        assertThat(added, containsString("**Summary cut here**"));
        String kept = added.substring(0, added.lastIndexOf("\n> **Summary cut here**") );
        assertTrue("a prefix of the summary, cut at a line", whole.startsWith(kept) && kept.endsWith("\n"));
    }

    @Test
    public void notInGithubActionsNothingChanges() throws Exception {
        Map<String, String> env = env(simulator);
        env.put("GITHUB_ACTIONS", "false");
        CliRunner.Result r = CliRunner.run(workDir, env, "gate", "--run", "1001", "--poll-interval", "100ms");
        assertEquals(r.toString(), ExitCodes.PASSED, r.exitCode());
        assertEquals(List.of(), RunnerModel.commands(r.all()));
        assertEquals("", Files.readString(outputFile));
        assertEquals("", Files.readString(summaryFile));
    }

    private static List<String> names(List<RunnerModel.Command> commands) {
        List<String> names = new ArrayList<>();
        for (RunnerModel.Command c : commands) {
            names.add(c.name());
        }
        return names;
    }

    private static String between(String text, String from, String to) {
        int a = text.indexOf(from);
        int b = text.indexOf(to, a + from.length());
        assertTrue(text, a >= 0 && b > a);
        return text.substring(a + from.length(), b);
    }

    private static List<String> reasons(Path report) throws Exception {
        JsonArray a = JsonParser.parseString(Files.readString(report.resolve("summary.json"))).getAsJsonObject()
                .getAsJsonArray("reasons");
        List<String> list = new ArrayList<>();
        a.forEach(e -> list.add(e.getAsString()));
        return list;
    }
}
