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
    public void everyHelpFitsEightyColumnsAndCutsNoWord() {
        for (String command : List.of("gate", "logs", "simulate", "demo")) {
            CliRunner.Result r = CliRunner.run(HERE, Map.of(), command, "--help");
            String[] lines = r.out().split("\n");
            boolean examples = false;
            for (int i = 0; i < lines.length; i++) {
                examples |= lines[i].equals("Examples:");
                // examples are not wrapped: they must fit as printed from the repository root, the longest usual way
                String line = examples ? lines[i].replace(Launcher.FALLBACK, "java -jar cli/target/codegen-agent-logs.jar") : lines[i];
                assertTrue(command + ": " + line.length() + " columns: " + line, line.length() <= 80);
                // the JDK's line breaking cuts "report.html" after its dot and "comma-separated" after its hyphen
                String next = i + 1 < lines.length ? lines[i + 1].strip() : "";
                assertTrue(command + ": cut word: " + line, !line.matches(".*[A-Za-z0-9]-$"));
                assertTrue(command + ": cut word: " + line + " / " + next, !(line.matches(".*[a-z]\\.$") && next.matches("^[a-z].*")));
            }
        }
        String gate = CliRunner.run(HERE, Map.of(), "gate", "--help").out();
        assertThat(gate, containsString(" report.html "));
        assertThat(gate, containsString("--no-fail-on-run-status\n"));
    }

    @Test
    public void helpFollowsColumnsWhenSet() {
        CliRunner.Result wide = CliRunner.run(HERE, Map.of("COLUMNS", "120"), "gate", "--help");
        int longest = wide.out().lines().mapToInt(String::length).max().orElse(0);
        assertTrue("longest line " + longest, longest > 80 && longest <= 120);
    }

    @Test
    public void examplesAndHintsNameTheCommandAsStarted() {
        // in-process there is no jar: the jar's own name; from a jar, its path (see Launcher)
        String help = CliRunner.run(HERE, Map.of(), "gate", "--help").out();
        assertThat(help, containsString("\n  " + Launcher.FALLBACK + " gate --org 67890 --run 12345\n"));
        assertThat(help, containsString("Usage:\n  " + Launcher.FALLBACK + " gate --run ID [--org ID]"));
        CliRunner.Result none = CliRunner.run(HERE, Map.of());
        assertThat(none.err(), containsString("Run '" + Launcher.FALLBACK + " --help'"));
    }

    @Test
    public void launcherPathsPaste() {
        Path root = Path.of("/work/repo");
        assertEquals("java -jar cli/target/codegen-agent-logs.jar",
                Launcher.command(root, root.resolve("cli/target/codegen-agent-logs.jar")));
        assertEquals("java -jar /opt/tools/codegen-agent-logs.jar",
                Launcher.command(root, Path.of("/opt/tools/codegen-agent-logs.jar")));
        assertEquals("java -jar '/opt/my tools/it'\\''s.jar'",
                Launcher.command(root, Path.of("/opt/my tools/it's.jar")));
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
