package io.codegenagentlogs.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class HelpAndVersionTest {
    private static final Path HERE = Path.of(System.getProperty("java.io.tmpdir"));

    private static String help(String command) {
        CliRunner.Result r = CliRunner.run(HERE, Map.of(), command, "--help");
        assertEquals(r.toString(), 0, r.exitCode());
        assertEquals("", r.err());
        assertThat(r.out(), containsString("Usage:"));
        assertThat(r.out(), containsString("Description:"));
        assertThat(r.out(), containsString("Exit codes:"));
        assertThat(r.out(), containsString("Examples:"));
        return r.out().replaceAll("\\s+", " "); // as read, whatever the wrapping
    }

    @Test
    public void gateHelpDescribesEveryOptionExitCodeAndVariable() {
        String help = help("gate");
        for (String option : List.of("--run", "--org", "--base-url", "--token-file", "--fail-on", "--no-fail-on-run-status",
                "--max-failures", "--timeout", "--poll-interval", "--rate-limit", "--report-dir", "--json", "--quiet",
                "--verbose", "--help", "--version")) {
            assertThat(option, help, containsString(option));
        }
        for (String code : List.of(" 0 the", " 1 the", " 2 usage", " 3 API", " 4 timed", " 130 cancelled")) {
            assertThat(help, containsString(code));
        }
        for (String variable : List.of("CODEGEN_API_TOKEN", "CODEGEN_ORG_ID", "CODEGEN_API_BASE_URL")) {
            assertThat(help, containsString(variable));
        }
        assertThat(help, containsString("Default: 60m"));
        assertThat(help, containsString("Default: 10s"));
        assertThat(help, containsString("Default: 60/60s"));
        assertThat(help, containsString("Default: codegen-agent-logs-report"));
        assertThat(help, containsString("Default: ERROR,PR_CREATION_FAILED"));
    }

    @Test
    public void logsHelp() {
        String help = help("logs");
        for (String option : List.of("--run", "--org", "--format", "--timeout", "--poll-interval", "ndjson", "CODEGEN_API_TOKEN")) {
            assertThat(option, help, containsString(option));
        }
        assertThat(help, containsString(" 4 timed out"));
    }

    @Test
    public void simulateHelp() {
        String help = help("simulate");
        assertThat(help, containsString("--port"));
        assertThat(help, containsString("--scenario"));
        assertThat(help, containsString("Default: realistic"));
    }

    @Test
    public void demoHelp() {
        String help = help("demo");
        assertThat(help, containsString("--report-dir"));
        assertThat(help, containsString("Default: codegen-agent-logs-demo"));
        assertThat(help, containsString("designed"));
    }

    @Test
    public void topLevelHelpListsTheCommands() {
        CliRunner.Result r = CliRunner.run(HERE, Map.of(), "--help");
        assertEquals(r.toString(), 0, r.exitCode());
        String help = r.out();
        for (String command : List.of("gate", "logs", "simulate", "demo", "Exit codes:")) {
            assertThat(help, containsString(command));
        }
    }

    @Test
    public void versionComesFromTheMavenProject() {
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"gate", "--version"})) {
            CliRunner.Result r = CliRunner.run(HERE, Map.of(), args);
            assertEquals(r.toString(), 0, r.exitCode());
            String first = r.out().lines().findFirst().orElseThrow();
            assertTrue(first, first.matches("codegen-agent-logs \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"));
        }
    }
}
