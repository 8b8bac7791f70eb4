package io.codegenagentlogs.simulator;

import static io.codegenagentlogs.simulator.TestHttp.get;
import static io.codegenagentlogs.simulator.TestHttp.json;
import static io.codegenagentlogs.simulator.TestHttp.logsPath;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.Test;

public class ProgressionTest {
    private static final String STAGED = """
            {"runs": [{"id": 5, "organization_id": 1, "generate": {"count": 57},
              "stages": [
                {"after_requests": 0, "status": "RUNNING", "visible_logs": 3},
                {"after_requests": 4, "status": "RUNNING", "visible_logs": 40},
                {"after_ms": 1500, "status": "COMPLETE", "visible_logs": 57}
              ]}]}
            """;

    private static JsonObject logs(CodegenSimulator sim, long org, long run) throws Exception {
        return json(get(sim, logsPath(org, run)));
    }

    @Test
    public void stagesFollowRequestCountsThenTime() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.fromJson(STAGED), 0, clock)) {
            assertEquals("PENDING", sim.run(5).status());
            for (int request = 1; request <= 4; request++) {
                JsonObject body = logs(sim, 1, 5);
                assertEquals("request " + request, 3, body.get("total_logs").getAsInt());
                assertEquals("RUNNING", body.get("status").getAsString());
            }
            assertEquals(40, logs(sim, 1, 5).get("total_logs").getAsInt());
            clock.advance(Duration.ofMillis(1499));
            assertEquals(40, logs(sim, 1, 5).get("total_logs").getAsInt());
            clock.advance(Duration.ofMillis(1));
            JsonObject done = logs(sim, 1, 5);
            assertEquals(57, done.get("total_logs").getAsInt());
            assertEquals("COMPLETE", done.get("status").getAsString());
        }
    }

    @Test
    public void timeStagesWaitForEarlierStages() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.fromJson(STAGED), 0, clock)) {
            logs(sim, 1, 5);
            clock.advance(Duration.ofSeconds(10));
            assertEquals(3, logs(sim, 1, 5).get("total_logs").getAsInt());
            logs(sim, 1, 5);
            logs(sim, 1, 5);
            // Request 5: stage 2 is reached, and stage 3's time has long passed, so both apply in order.
            JsonObject body = logs(sim, 1, 5);
            assertEquals(57, body.get("total_logs").getAsInt());
            assertEquals("COMPLETE", body.get("status").getAsString());
        }
    }

    @Test
    public void runEndpointAppliesTimeStagesButDoesNotCountAsLogsRequest() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        String scenario = """
                {"runs": [{"id": 5, "organization_id": 1, "generate": {"count": 9},
                  "stages": [{"after_ms": 100, "status": "RUNNING", "visible_logs": 2},
                             {"after_requests": 1, "status": "COMPLETE", "visible_logs": 9}]}]}
                """;
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.fromJson(scenario), 0, clock)) {
            assertEquals("PENDING", json(get(sim, "/v1/organizations/1/agent/run/5")).get("status").getAsString());
            clock.advance(Duration.ofMillis(100));
            assertEquals("RUNNING", json(get(sim, "/v1/organizations/1/agent/run/5")).get("status").getAsString());
            assertEquals("RUNNING", json(get(sim, "/v1/organizations/1/agent/run/5")).get("status").getAsString());
            assertEquals(2, logs(sim, 1, 5).get("total_logs").getAsInt());
            assertEquals(9, logs(sim, 1, 5).get("total_logs").getAsInt());
        }
    }

    @Test
    public void settersDriveARunWithoutStages() throws Exception {
        try (CodegenSimulator sim = CodegenSimulator.start(TestScenarios.basic())) {
            SimulatedRun run = sim.run(8);
            assertEquals("RUNNING", logs(sim, 11, 8).get("status").getAsString());
            run.appendLog("{\"message_type\": \"ACTION\", \"tool_name\": \"file_view\"}");
            run.appendLog("{\"agent_run_id\": 8, \"message_type\": \"FINAL_ANSWER\"}");
            assertEquals("appended entries stay hidden", 0, logs(sim, 11, 8).get("total_logs").getAsInt());
            run.setVisibleLogs(1);
            String one = get(sim, logsPath(11, 8)).body();
            assertTrue(one, one.contains(
                    "\"logs\":[{\"agent_run_id\":8,\"message_type\": \"ACTION\", \"tool_name\": \"file_view\"}]"));
            assertTrue(one, one.contains("\"total_logs\":1,"));
            run.setVisibleLogs(2);
            run.setStatus("completed");
            JsonObject both = logs(sim, 11, 8);
            assertEquals(2, both.get("total_logs").getAsInt());
            assertEquals("completed", both.get("status").getAsString());
            assertEquals(2, run.visibleLogs());
            assertEquals("completed", run.status());
        }
    }

    @Test
    public void appendedEntriesKeepTheirRawText() throws Exception {
        try (CodegenSimulator sim = CodegenSimulator.start(TestScenarios.basic())) {
            String raw = "{ \"agent_run_id\" : 8 ,\"thought\":\"  spaced  \\u00e9\" }";
            sim.run(8).appendLog(raw);
            sim.run(8).setVisibleLogs(1);
            String body = get(sim, logsPath(11, 8)).body();
            assertTrue(body, body.contains("\"logs\":[" + raw + "]"));
        }
    }

    @Test
    public void settersRejectWhatCannotBeServed() throws Exception {
        try (CodegenSimulator sim = CodegenSimulator.start(TestScenarios.basic())) {
            assertThrows(IllegalArgumentException.class, () -> sim.run(8).setVisibleLogs(1));
            assertThrows(IllegalArgumentException.class, () -> sim.run(7).setVisibleLogs(-1));
            assertThrows(IllegalArgumentException.class, () -> sim.run(8).appendLog("[1, 2]"));
            assertThrows(IllegalArgumentException.class, () -> sim.run(8).appendLog("{\"a\": "));
            assertThrows(IllegalArgumentException.class, () -> sim.run(404));
        }
    }
}
