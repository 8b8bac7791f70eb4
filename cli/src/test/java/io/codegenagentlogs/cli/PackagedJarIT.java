package io.codegenagentlogs.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;

/**
 * The packaged jar as a person starts it from the repository root: the commands it prints paste as
 * they are, and the exit codes the docs promise for signals are the ones it gives.
 */
public class PackagedJarIT {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final String JAR = "cli/target/codegen-agent-logs.jar";

    @Rule
    public Timeout timeout = new Timeout(60, TimeUnit.SECONDS);

    private static Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().remove("GITHUB_ACTIONS");
        return pb.start();
    }

    @Test
    public void helpNamesTheJarAsStarted() throws Exception {
        assertTrue(Files.isRegularFile(ROOT.resolve(JAR)));
        Process p = start("gate", "--help");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(out, 0, p.exitValue());
        assertThat(out, containsString("Usage:\n  java -jar " + JAR + " gate --run ID"));
        assertThat(out, containsString("\n  java -jar " + JAR + " gate --org 67890 --run 12345\n"));
    }

    @Test
    public void simulateBannerPastesAndSigtermEndsItWith143() throws Exception {
        Process p = start("simulate", "--scenario", "passing");
        BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> banner = new ArrayList<>();
        for (String line = lines.readLine(); line != null && !line.startsWith("Press Ctrl-C"); line = lines.readLine()) {
            banner.add(line);
        }
        String gateLine = banner.stream().filter(l -> l.contains(" gate --base-url ")).findFirst().orElseThrow();
        assertTrue(gateLine, gateLine.matches("  java -jar " + JAR + " gate --base-url http://127\\.0\\.0\\.1:\\d+ --org 67890 --run 1001"));
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        // (destroy() closes our end of its output: that it closed cleanly is DemoAndSimulateTest's to check)
        assertEquals(143, p.exitValue());
    }
}
