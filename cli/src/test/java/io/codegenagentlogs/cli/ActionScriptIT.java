package io.codegenagentlogs.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/**
 * The GitHub Action's script ({@code action/gate.sh}) as the runner starts it: bash, inputs in
 * {@code INPUT_*} variables, {@code GITHUB_ACTION_PATH} at the repository, temporary {@code
 * GITHUB_OUTPUT} and {@code GITHUB_STEP_SUMMARY} files, and the jar this build packaged, against a
 * simulator. Runs after {@code package} (failsafe).
 */
public class ActionScriptIT {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path SCRIPT = ROOT.resolve("action/gate.sh");
    private static final Path JAR = ROOT.resolve("cli/target/codegen-agent-logs.jar");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Rule
    public Timeout timeout = new Timeout(120, TimeUnit.SECONDS);

    private String token;
    private CodegenSimulator simulator;
    private CodegenSimulator hostile;
    private Path workspace;
    private Path outputFile;
    private Path summaryFile;

    /** What one run of the script did. */
    record Run(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    @Before
    public void setUp() throws Exception {
        assertTrue("run after package: " + JAR, Files.isRegularFile(JAR));
        token = Scenarios.newToken();
        simulator = Scenarios.start(token);
        hostile = CodegenSimulator.start(Scenario.fromJson(GithubModeTest.hostileScenario(token)));
        workspace = tmp.newFolder("workspace").toPath();
        outputFile = tmp.newFile("github_output").toPath();
        summaryFile = tmp.newFile("step_summary").toPath();
    }

    @After
    public void tearDown() {
        simulator.close();
        hostile.close();
    }

    private Map<String, String> inputs(CodegenSimulator sim, long run) {
        Map<String, String> in = new HashMap<>();
        in.put("INPUT_RUN_ID", Long.toString(run));
        in.put("INPUT_ORG_ID", Long.toString(Scenarios.ORG));
        in.put("INPUT_API_TOKEN", token);
        in.put("INPUT_BASE_URL", sim.baseUrl());
        // what action.yml passes when the workflow leaves an input out: its default
        in.put("INPUT_FAIL_ON", "ERROR,PR_CREATION_FAILED");
        in.put("INPUT_FAIL_ON_RUN_STATUS", "true");
        in.put("INPUT_MAX_FAILURES", "0");
        in.put("INPUT_FAIL_FAST", "false");
        in.put("INPUT_TIMEOUT_MINUTES", "1");
        in.put("INPUT_POLL_INTERVAL_SECONDS", "1");
        in.put("INPUT_REPORT_DIR", "codegen-agent-logs-report");
        return in;
    }

    private Run script(String mode, Map<String, String> vars, Path pathFirst) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString(), mode).directory(workspace.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("INPUT_") || k.startsWith("CODEGEN_"));
        env.put("GITHUB_ACTION_PATH", ROOT.toString());
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", outputFile.toString());
        env.put("GITHUB_STEP_SUMMARY", summaryFile.toString());
        env.put("RUNNER_OS", "Linux");
        if (pathFirst != null) {
            env.put("PATH", pathFirst + ":" + env.get("PATH"));
        }
        env.putAll(vars);
        Path out = tmp.newFile().toPath();
        Path err = tmp.newFile().toPath();
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue("the script ended", p.waitFor(100, TimeUnit.SECONDS));
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    public void passingRunWritesOutputsAndSummary() throws Exception {
        Run r = script("gate", inputs(simulator, Scenarios.PASSING), null);
        assertEquals(r.toString(), 0, r.exitCode());
        assertEquals("::add-mask::" + token, r.out().lines().findFirst().orElseThrow());
        Path report = workspace.resolve("codegen-agent-logs-report").toRealPath();
        Map<String, String> outputs = RunnerModel.outputs(outputFile);
        assertEquals("PASSED", outputs.get("verdict"));
        assertEquals("COMPLETE", outputs.get("status"));
        assertEquals("2", outputs.get("logs-fetched"));
        assertEquals("0", outputs.get("failures"));
        assertEquals("0", outputs.get("error-count"));
        assertEquals("https://app.codegen.com/agent/trace/1001", outputs.get("web-url"));
        assertEquals(report, Path.of(outputs.get("report-dir")).toRealPath());
        assertEquals(Files.readString(report.resolve("summary.md")), Files.readString(summaryFile));
        assertEquals(1, (r.out() + r.err()).split(token, -1).length - 1);
    }

    @Test
    public void failingRunFailsTheStepWithAnnotationsAndOutputs() throws Exception {
        Run r = script("gate", inputs(hostile, GithubModeTest.HOSTILE), null);
        assertEquals(r.toString(), 1, r.exitCode());
        List<String> names = new ArrayList<>();
        RunnerModel.commands(r.out()).forEach(c -> names.add(c.name()));
        assertEquals(r.out(), 10, names.stream().filter("error"::equals).count());
        assertEquals(1, names.stream().filter("notice"::equals).count());
        assertFalse(names.contains("legacy ##["));
        Map<String, String> outputs = RunnerModel.outputs(outputFile);
        assertEquals("FAILED", outputs.get("verdict"));
        assertEquals("12", outputs.get("failures"));
        assertEquals(2, outputs.get("reasons").split("\n").length);
    }

    @Test
    public void inputsChooseThePolicy() throws Exception {
        Map<String, String> in = inputs(simulator, Scenarios.FAILED_STATUS);
        in.put("INPUT_FAIL_ON_RUN_STATUS", "False");
        Run lenient = script("gate", in, null);
        assertEquals(lenient.toString(), 0, lenient.exitCode());

        Map<String, String> errorsOnly = inputs(simulator, Scenarios.FAILING_ENTRIES);
        errorsOnly.put("INPUT_FAIL_ON", "error");
        Run r = script("gate", errorsOnly, null);
        assertEquals(r.toString(), 1, r.exitCode());
        assertThat(Files.readString(outputFile), containsString("failures=1\n"));
    }

    @Test
    public void inputsAreNeverRunByAShell() throws Exception {
        Map<String, String> in = inputs(simulator, Scenarios.PASSING);
        in.put("INPUT_RUN_ID", "1001; touch pwned-run");
        in.put("INPUT_ORG_ID", "$(touch pwned-org)");
        in.put("INPUT_REPORT_DIR", "`touch pwned-dir`");
        Run r = script("gate", in, null);
        assertEquals(r.toString(), ExitCodes.USAGE, r.exitCode());
        assertThat(r.err(), containsString("run id (--run)"));
        try (var files = Files.list(workspace)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("pwned")).toList());
        }
    }

    @Test
    public void badInputsAreRefusedByName() throws Exception {
        for (String[] bad : List.of(new String[] {"INPUT_FAIL_ON_RUN_STATUS", "yes", "input fail-on-run-status must be true or false"},
                new String[] {"INPUT_FAIL_FAST", "1", "input fail-fast must be true or false"},
                new String[] {"INPUT_TIMEOUT_MINUTES", "1.5", "input timeout-minutes must be a whole number"},
                new String[] {"INPUT_POLL_INTERVAL_SECONDS", "-1", "input poll-interval-seconds must be a whole number"},
                new String[] {"INPUT_MAX_FAILURES", "two", "input max-failures must be a whole number"},
                new String[] {"INPUT_API_TOKEN", "", "input api-token is empty"})) {
            Map<String, String> in = inputs(simulator, Scenarios.PASSING);
            in.put(bad[0], bad[1]);
            Run r = script("gate", in, null);
            assertEquals(r.toString(), 2, r.exitCode());
            assertThat(r.err(), containsString("error: " + bad[2]));
            assertEquals("error", RunnerModel.commands(r.err()).get(0).name());
        }
    }

    /** A stand-in for java or mvn that records its arguments and environment, one per line. */
    private Path recorder(String name, int exitCode) throws IOException {
        Path bin = tmp.newFolder().toPath();
        Path tool = bin.resolve(name);
        Files.writeString(tool, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > \"" + bin.resolve("args") + "\"\n"
                + "env > \"" + bin.resolve("env") + "\"\nexit " + exitCode + "\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    @Test
    public void eachInputBecomesOneArgumentAndTheTokenOnlyAnEnvironmentVariable() throws Exception {
        Path bin = recorder("java", 0);
        Map<String, String> in = inputs(simulator, Scenarios.PASSING);
        in.put("INPUT_FAIL_ON", "");
        in.put("INPUT_FAIL_ON_RUN_STATUS", "false");
        in.put("INPUT_FAIL_FAST", "TRUE");
        in.put("INPUT_MAX_FAILURES", "3");
        in.put("INPUT_TIMEOUT_MINUTES", "90");
        in.put("INPUT_POLL_INTERVAL_SECONDS", "15");
        in.put("INPUT_REPORT_DIR", "my reports");
        Run r = script("gate", in, bin);
        assertEquals(r.toString(), 0, r.exitCode());
        assertEquals(List.of("-jar", JAR.toString(), "gate", "--run", "1001", "--org", "67890", "--base-url", simulator.baseUrl(),
                "--fail-on=", "--no-fail-on-run-status", "--max-failures", "3", "--fail-fast", "--timeout", "90m",
                "--poll-interval", "15s", "--report-dir", "my reports"), Files.readAllLines(bin.resolve("args")));
        List<String> env = Files.readAllLines(bin.resolve("env"), StandardCharsets.UTF_8);
        assertTrue(env.contains("CODEGEN_API_TOKEN=" + token));
        assertTrue(env.contains("GITHUB_ACTIONS=true"));
        assertFalse("the input copy of the token is dropped", env.stream().anyMatch(l -> l.startsWith("INPUT_API_TOKEN=")));

        // empty optional inputs are left to the CLI's own defaults and environment
        Map<String, String> minimal = new HashMap<>();
        minimal.put("INPUT_RUN_ID", "5");
        minimal.put("INPUT_API_TOKEN", token);
        assertEquals(0, script("gate", minimal, bin).exitCode());
        assertEquals(List.of("-jar", JAR.toString(), "gate", "--run", "5", "--fail-on=ERROR,PR_CREATION_FAILED",
                "--report-dir", "codegen-agent-logs-report"), Files.readAllLines(bin.resolve("args")));
    }

    @Test
    public void prepareNamesTheJarAndACacheKeyAndBuildReusesTheJar() throws Exception {
        Run prepare = script("prepare", Map.of(), null);
        assertEquals(prepare.toString(), 0, prepare.exitCode());
        String outputs = Files.readString(outputFile);
        assertTrue(outputs, outputs.matches("jar=" + java.util.regex.Pattern.quote(JAR.toString())
                + "\ncache-key=codegen-agent-logs-Linux-[0-9a-f]{32}\n"));
        // the same sources, the same key
        script("prepare", Map.of(), null);
        String[] lines = Files.readString(outputFile).split("\n");
        assertEquals(lines[1], lines[3]);

        Path bin = recorder("mvn", 1);
        Run build = script("build", Map.of(), bin);
        assertEquals(build.toString(), 0, build.exitCode());
        assertThat(build.out(), containsString("Using the CLI jar already built"));
        assertFalse("Maven not called", Files.exists(bin.resolve("args")));
        assertThat(build.all(), not(containsString("error")));
    }
}
