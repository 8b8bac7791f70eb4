package io.codegenagentlogs.simulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Runs the command-line entry point as a real process, as a developer or CI script would. */
public class SimulatorMainTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private static Process launch(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SimulatorMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static String firstLine(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        return out.readLine();
    }

    @Test
    public void servesABundledScenarioUntilKilled() throws Exception {
        Process process = launch("--scenario", "passing");
        try {
            String baseUrl = firstLine(process);
            assertTrue(baseUrl, baseUrl.matches("http://127\\.0\\.0\\.1:\\d+"));
            HttpResponse<String> response = TestHttp.send(HttpRequest.newBuilder(
                            URI.create(baseUrl + "/v1/organizations/67890/agent/run/1001/logs"))
                    .header("Authorization", "Bearer sim-token").build());
            assertEquals(200, response.statusCode());
        } finally {
            process.destroy();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        }
    }

    @Test
    public void servesAScenarioFile() throws Exception {
        Path file = folder.getRoot().toPath().resolve("mine.json");
        Files.writeString(file, "{\"tokens\": [\"t\"], \"runs\": [{\"id\": 1, \"organization_id\": 2}]}");
        Process process = launch("--port", "0", "--scenario", file.toString());
        try {
            String baseUrl = firstLine(process);
            HttpResponse<String> response = TestHttp.send(HttpRequest.newBuilder(
                    URI.create(baseUrl + "/v1/organizations/2/agent/run/1")).header("Authorization", "Bearer t").build());
            assertEquals(200, response.statusCode());
        } finally {
            process.destroy();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        }
    }

    @Test
    public void badArgumentsExitWithUsage() throws Exception {
        Process process = launch("--scenario", "no-such-scenario");
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(err, err.contains("no scenario file or bundled scenario named no-such-scenario"));
        assertTrue(err, err.contains("usage:"));
    }
}
