package io.codegenagentlogs.simulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ScenarioFormatTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private static String problem(String json) {
        return assertThrows(IllegalArgumentException.class, () -> Scenario.fromJson(json)).getMessage();
    }

    private static void assertProblem(String expectedPart, String json) {
        String message = problem(json);
        assertTrue(message, message.contains(expectedPart));
    }

    @Test
    public void badFileNamesTheFileAndWhereItBreaks() throws Exception {
        Path file = folder.newFile("broken.json").toPath();
        Files.writeString(file, "{\n  \"runs\": [\n    {\"id\": 1,, }\n  ]\n}\n");
        String message = assertThrows(IllegalArgumentException.class, () -> Scenario.load(file)).getMessage();
        assertTrue(message, message.startsWith(file + ": invalid JSON: "));
        assertTrue(message, message.contains("line 3"));
        assertTrue(message, !message.contains("Troubleshooting"));
    }

    @Test
    public void missingFileIsAnIoException() {
        assertThrows(IOException.class, () -> Scenario.load(folder.getRoot().toPath().resolve("none.json")));
    }

    @Test
    public void lenientJsonIsRejected() {
        assertProblem("invalid JSON", "{\"runs\": [{\"id\": 1, \"organization_id\": 2}]} // comment");
        assertProblem("invalid JSON", "{'runs': []}");
        assertProblem("invalid JSON", "{\"runs\": [{\"id\": 1, \"organization_id\": 2}]} {}");
    }

    @Test
    public void fieldProblemsNameTheirPath() {
        assertProblem("scenario: runs[0].stauts: unknown field", "{\"runs\": [{\"id\": 1, \"organization_id\": 2, \"stauts\": \"x\"}]}");
        assertProblem("runs[0].organization_id: is required", "{\"runs\": [{\"id\": 1}]}");
        assertProblem("runs[0].id: expected an integer", "{\"runs\": [{\"id\": \"1\", \"organization_id\": 2}]}");
        assertProblem("runs[0].id: expected an integer", "{\"runs\": [{\"id\": 1.5, \"organization_id\": 2}]}");
        assertProblem("runs: at least one run", "{\"runs\": []}");
        assertProblem("runs[1].id: duplicate run id 1",
                "{\"runs\": [{\"id\": 1, \"organization_id\": 2}, {\"id\": 1, \"organization_id\": 2}]}");
        assertProblem("runs[0].logs[1]: expected an object",
                "{\"runs\": [{\"id\": 1, \"organization_id\": 2, \"logs\": [{}, 3]}]}");
        assertProblem("paths: expected", "{\"paths\": \"beta\", \"runs\": [{\"id\": 1, \"organization_id\": 2}]}");
        assertProblem("tokens: must not be empty", "{\"tokens\": [], \"runs\": [{\"id\": 1, \"organization_id\": 2}]}");
        assertProblem("tokens: each token", "{\"tokens\": [\"a b\"], \"runs\": [{\"id\": 1, \"organization_id\": 2}]}");
        assertProblem("rate_limit.retry_after: expected",
                "{\"rate_limit\": {\"requests\": 1, \"per_seconds\": 1, \"retry_after\": \"soon\"}, \"runs\": [{\"id\": 1, \"organization_id\": 2}]}");
        assertProblem("runs[0].generate.count: must be between",
                "{\"runs\": [{\"id\": 1, \"organization_id\": 2, \"generate\": {\"count\": -1}}]}");
    }

    @Test
    public void stageProblemsAreCaught() {
        assertProblem("runs[0].stages[0].after_requests: a stage needs exactly one",
                "{\"runs\": [{\"id\": 1, \"organization_id\": 2, \"stages\": [{\"status\": \"RUNNING\"}]}]}");
        assertProblem("a stage needs exactly one", "{\"runs\": [{\"id\": 1, \"organization_id\": 2, "
                + "\"stages\": [{\"after_ms\": 1, \"after_requests\": 1}]}]}");
        assertProblem("runs[0].stages[0].visible_logs: must be between 0 and 1", "{\"runs\": [{\"id\": 1, "
                + "\"organization_id\": 2, \"logs\": [{}], \"stages\": [{\"after_ms\": 1, \"visible_logs\": 2}]}]}");
    }

    @Test
    public void faultProblemsAreCaught() {
        String run = "\"runs\": [{\"id\": 1, \"organization_id\": 2}]";
        assertProblem("faults[0].type: unknown fault type \"explode\"",
                "{\"faults\": [{\"on_request\": 1, \"type\": \"explode\"}], " + run + "}");
        assertProblem("faults[0].status: must be between 400 and 599",
                "{\"faults\": [{\"on_request\": 1, \"type\": \"status\", \"status\": 200}], " + run + "}");
        assertProblem("faults[0].delay_ms: unknown field",
                "{\"faults\": [{\"on_request\": 1, \"type\": \"drop\", \"delay_ms\": 5}], " + run + "}");
        assertProblem("faults[1].on_request: another fault already hits logs request 1",
                "{\"faults\": [{\"on_request\": 1, \"type\": \"drop\"}, {\"on_request\": 1, \"type\": \"null_logs\"}], "
                        + run + "}");
        assertProblem("faults[0].on_request: is required", "{\"faults\": [{\"type\": \"drop\"}], " + run + "}");
    }

    @Test
    public void everyFaultTypeParses() {
        Scenario scenario = Scenario.fromJson("""
                {"faults": [{"on_request": 3, "type": "status", "status": 503}, {"on_request": 5, "type": "drop"},
                  {"on_request": 6, "type": "slow", "delay_ms": 3000}, {"on_request": 7, "type": "truncated"},
                  {"on_request": 8, "type": "rate_limited", "retry_after": "1"},
                  {"on_request": 9, "type": "shrink_total", "total_logs": 3}, {"type": "empty_page", "on_request": 10},
                  {"type": "repeat_entries", "count": 5, "on_request": 11}, {"type": "null_logs", "on_request": 12}],
                 "runs": [{"id": 1, "organization_id": 2}]}
                """);
        assertEquals(Fault.status(503), scenario.faults().get(3));
        assertEquals(Fault.drop(), scenario.faults().get(5));
        assertEquals(Fault.slow(java.time.Duration.ofMillis(3000)), scenario.faults().get(6));
        assertEquals(Fault.truncated(), scenario.faults().get(7));
        assertEquals(Fault.rateLimited("1"), scenario.faults().get(8));
        assertEquals(Fault.shrinkTotal(3), scenario.faults().get(9));
        assertEquals(Fault.emptyPage(), scenario.faults().get(10));
        assertEquals(Fault.repeatEntries(5), scenario.faults().get(11));
        assertEquals(Fault.nullLogs(), scenario.faults().get(12));
    }

    @Test
    public void defaultsFillTheGaps() throws Exception {
        Scenario scenario = Scenario.fromJson("{\"runs\": [{\"id\": 1, \"organization_id\": 2, \"logs\": [{}]},"
                + " {\"id\": 3, \"organization_id\": 2, \"stages\": [{\"after_ms\": 10, \"status\": \"RUNNING\"}]}]}");
        assertEquals(List.of("sim-token"), scenario.tokens());
        assertEquals(List.of(1L, 3L), scenario.runIds());
        assertEquals(Routes.Style.BOTH, scenario.paths());
        assertEquals(null, scenario.rateLimit());
        assertEquals(2, scenario.organizationId(3));
        assertThrows(IllegalArgumentException.class, () -> scenario.organizationId(2));
        try (CodegenSimulator sim = CodegenSimulator.start(scenario)) {
            assertEquals("COMPLETE", sim.run(1).status());
            assertEquals(1, sim.run(1).visibleLogs());
            assertEquals("PENDING", sim.run(3).status());
            assertEquals(0, sim.run(3).visibleLogs());
            assertEquals(2, sim.run(3).organizationId());
            assertEquals(3, sim.run(3).id());
        }
    }

    @Test
    public void generatedEntriesCanBePaddedToASize() throws Exception {
        Scenario s = Scenario.fromJson("{\"runs\":[{\"id\":9,\"organization_id\":1,\"generate\":{\"count\":5,\"seed\":2,\"entry_bytes\":8192}}]}");
        try (CodegenSimulator sim = CodegenSimulator.start(s)) {
            com.google.gson.JsonArray logs = TestHttp.json(TestHttp.get(sim, TestHttp.logsPath(1, 9))).getAsJsonArray("logs");
            for (com.google.gson.JsonElement e : logs) {
                int bytes = e.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                org.junit.Assert.assertTrue(bytes + " bytes", bytes >= 8192 - 64 && bytes <= 8192 + 256);
                org.junit.Assert.assertTrue(e.getAsJsonObject().has("output_tail"));
            }
        }
    }
}
