package io.codegenagentlogs.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.CoreMatchers.startsWith;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

/**
 * Mistakes in the command line or the environment: exit 2, one line "error: what. what to do", no
 * stack trace unless --verbose, and never the token. None of them reaches the API.
 */
public class ConfigurationErrorTest extends SimulatorCliTest {
    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("CODEGEN_API_TOKEN", token);
        env.put("CODEGEN_API_BASE_URL", simulator.baseUrl());
        return env;
    }

    /** Runs, and checks the shape every configuration error shares. */
    private CliRunner.Result usageError(Map<String, String> env, String... args) {
        CliRunner.Result r = CliRunner.run(workDir, env, args);
        assertEquals(r.toString(), ExitCodes.USAGE, r.exitCode());
        assertEquals(r.toString(), "", r.out());
        assertThat(r.err(), startsWith("error: "));
        if (!java.util.List.of(args).contains("--verbose")) {
            assertEquals(r.toString(), 1, r.err().lines().count());
            assertThat(r.err(), not(containsString("Exception")));
        }
        assertThat(r.all(), not(containsString(token)));
        assertEquals("no request may reach the API", 0, simulator.requests().count());
        return r;
    }

    @Test
    public void badOrg() {
        CliRunner.Result r = usageError(env(), "gate", "--run", "1001", "--org", "abc");
        assertThat(r.err(), containsString("--org"));
        assertThat(r.err(), containsString("positive integer"));
    }

    @Test
    public void badOrgFromTheEnvironmentNamesTheVariable() {
        Map<String, String> env = env();
        env.put("CODEGEN_ORG_ID", "-5");
        CliRunner.Result r = usageError(env, "gate", "--run", "1001");
        assertThat(r.err(), containsString("CODEGEN_ORG_ID"));
    }

    @Test
    public void missingOrg() {
        CliRunner.Result r = usageError(env(), "gate", "--run", "1001");
        assertThat(r.err(), containsString("Pass --org ID or set CODEGEN_ORG_ID"));
    }

    @Test
    public void badRunId() {
        CliRunner.Result r = usageError(env(), "logs", "--run", "12x", "--org", "67890");
        assertThat(r.err(), containsString("--run"));
    }

    @Test
    public void missingRunOption() {
        CliRunner.Result r = usageError(env(), "gate", "--org", "67890");
        assertThat(r.err(), containsString("--run"));
        assertThat(r.err(), containsString("--help"));
    }

    @Test
    public void missingToken() {
        Map<String, String> env = env();
        env.remove("CODEGEN_API_TOKEN");
        CliRunner.Result r = usageError(env, "gate", "--run", "1001", "--org", "67890");
        assertThat(r.err(), containsString("CODEGEN_API_TOKEN"));
        assertThat(r.err(), containsString("--token-file"));
    }

    @Test
    public void plainHttpToAnotherHostIsRefused() {
        CliRunner.Result r = usageError(env(), "gate", "--run", "1001", "--org", "67890", "--base-url", "http://example.com");
        assertThat(r.err(), containsString("https"));
    }

    @Test
    public void badTimeout() {
        CliRunner.Result r = usageError(env(), "gate", "--run", "1001", "--org", "67890", "--timeout", "soon");
        assertThat(r.err(), containsString("--timeout"));
        assertThat(r.err(), containsString("60m"));
    }

    @Test
    public void durationsTooLongForTheClockAreAUsageError() {
        CliRunner.Result r = usageError(env(), "gate", "--run", "1001", "--org", "67890", "--timeout", "9999999999999999h");
        assertThat(r.err(), containsString("--timeout"));
        assertThat(r.err(), containsString("too long"));
        r = usageError(env(), "logs", "--run", "1001", "--org", "67890", "--poll-interval", "99999999999999999999");
        assertThat(r.err(), containsString("--poll-interval"));
        assertThat(r.err(), containsString("too long"));
    }

    @Test
    public void zeroPollInterval() {
        CliRunner.Result r = usageError(env(), "logs", "--run", "1001", "--org", "67890", "--poll-interval", "0s");
        assertThat(r.err(), containsString("--poll-interval"));
    }

    @Test
    public void badRateLimit() {
        CliRunner.Result r = usageError(env(), "gate", "--run", "1001", "--org", "67890", "--rate-limit", "fast");
        assertThat(r.err(), containsString("60/60s"));
    }

    @Test
    public void negativeMaxFailures() {
        usageError(env(), "gate", "--run", "1001", "--org", "67890", "--max-failures", "-1");
    }

    @Test
    public void badFormat() {
        CliRunner.Result r = usageError(env(), "logs", "--run", "1001", "--org", "67890", "--format", "xml");
        assertThat(r.err(), containsString("--format"));
    }

    @Test
    public void noCommand() {
        CliRunner.Result r = CliRunner.run(workDir, env());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertThat(r.err(), startsWith("error: "));
    }

    @Test
    public void tokenOptionDoesNotExistAndSaysHowToPassTheToken() {
        Map<String, String> env = env();
        env.remove("CODEGEN_API_TOKEN");
        String secret = Scenarios.newToken();
        CliRunner.Result r = usageError(env, "gate", "--run", "1001", "--org", "67890", "--token", secret, "--verbose");
        assertThat(r.err(), containsString("CODEGEN_API_TOKEN"));
        assertThat(r.err(), containsString("--token-file"));
        assertThat(r.all(), not(containsString(secret)));

        CliRunner.Result attached = CliRunner.run(workDir, env, "gate", "--run", "1001", "--token=" + secret);
        assertEquals(ExitCodes.USAGE, attached.exitCode());
        assertThat(attached.err(), containsString("--token-file"));
        assertThat(attached.all(), not(containsString(secret)));
    }

    @Test
    public void strayValueIsNotEchoed() {
        String secret = Scenarios.newToken();
        CliRunner.Result r = usageError(env(), "gate", "--run", "1001", "--org", "67890", secret);
        assertThat(r.all(), not(containsString(secret)));
    }

    @Test
    public void unreadableTokenFile() {
        Map<String, String> env = env();
        env.remove("CODEGEN_API_TOKEN");
        CliRunner.Result r = usageError(env, "gate", "--run", "1001", "--org", "67890", "--token-file", "nope.txt");
        assertThat(r.err(), containsString(workDir.resolve("nope.txt").toString()));
        assertThat(r.err(), containsString("does not exist"));
    }

    @Test
    public void emptyTokenFile() throws Exception {
        Files.writeString(workDir.resolve("token"), "  \n");
        CliRunner.Result r = usageError(env(), "gate", "--run", "1001", "--org", "67890", "--token-file", "token");
        assertThat(r.err(), containsString("is empty"));
    }

    @Test
    public void tokenFileWithMoreThanATokenNeverShowsItsContent() throws Exception {
        String secret = Scenarios.newToken();
        Files.writeString(workDir.resolve("token"), "CODEGEN_API_TOKEN=" + secret + " # mine\nsecond line\n", StandardCharsets.UTF_8);
        CliRunner.Result r = usageError(env(), "gate", "--run", "1001", "--org", "67890", "--token-file", "token", "--verbose");
        assertThat(r.err(), containsString("holds more than a token"));
        assertThat(r.all(), not(containsString(secret)));
        assertThat(r.all(), not(containsString("mine")));
    }

    @Test
    public void tokenFileIsUsedInsteadOfTheEnvironment() throws Exception {
        Files.writeString(workDir.resolve("token"), token + "\n");
        Map<String, String> env = env();
        env.put("CODEGEN_API_TOKEN", "not-the-token");
        CliRunner.Result r = CliRunner.run(workDir, env, "gate", "--run", "1001", "--org", "67890",
                "--token-file", "token", "--poll-interval", "100ms");
        assertEquals(r.toString(), ExitCodes.PASSED, r.exitCode());
        assertThat(r.all(), not(containsString(token)));
    }

    @Test
    public void tokenFileSavedByAWindowsEditorWithAByteOrderMarkWorks() throws Exception {
        Files.writeString(workDir.resolve("token"), "\uFEFF" + token + "\r\n", StandardCharsets.UTF_8);
        Map<String, String> env = env();
        env.remove("CODEGEN_API_TOKEN");
        CliRunner.Result r = CliRunner.run(workDir, env, "gate", "--run", "1001", "--org", "67890",
                "--token-file", "token", "--poll-interval", "100ms");
        assertEquals(r.toString(), ExitCodes.PASSED, r.exitCode());
        assertThat(r.all(), not(containsString(token)));
    }

    @Test
    public void reportDirThatIsAFile() throws Exception {
        Files.writeString(workDir.resolve("taken"), "x");
        CliRunner.Result r = usageError(env(), "gate", "--run", "1001", "--org", "67890", "--report-dir", "taken/report");
        assertThat(r.err(), containsString("--report-dir"));
    }
}
