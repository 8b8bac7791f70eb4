package io.codegenagentlogs.simulator;

import static io.codegenagentlogs.simulator.TestHttp.get;
import static io.codegenagentlogs.simulator.TestHttp.json;
import static io.codegenagentlogs.simulator.TestHttp.logsPath;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.Test;

/** POST /v1/organizations/{org_id}/agent/run: a run is created, then served like the scenario's own. */
public class RunCreationTest {
    private static final String CREATE = "/v1/organizations/10/agent/run";
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

    private static HttpResponse<String> post(CodegenSimulator sim, String path, String body, String authorization) throws Exception {
        HttpRequest request = TestHttp.request(sim, path, authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return TestHttp.send(request);
    }

    private static HttpResponse<String> post(CodegenSimulator sim, String body) throws Exception {
        return post(sim, CREATE, body, "Bearer " + TestHttp.TOKEN);
    }

    @Test
    public void aCreatedRunIsAnsweredAndServedWithThePromptAsItsFirstEntry() throws Exception {
        try (CodegenSimulator sim = CodegenSimulator.start(TestScenarios.basic())) {
            HttpResponse<String> created = post(sim, "{\"prompt\": \"Fix the flaky test\", \"repo_id\": 42}");
            assertEquals(created.body(), 200, created.statusCode());
            JsonObject run = json(created);
            assertEquals(9, run.get("id").getAsLong()); // the scenario's largest id plus one
            assertEquals(10, run.get("organization_id").getAsLong());
            assertEquals("https://app.codegen.com/agent/trace/9", run.get("web_url").getAsString());
            assertEquals(List.of(new CreatedRun(10, "Fix the flaky test", 42L, 9)), sim.createdRuns());

            JsonObject logs = json(get(sim, logsPath(10, 9)));
            assertEquals("COMPLETE", logs.get("status").getAsString());
            assertEquals(3, logs.get("total_logs").getAsInt());
            JsonObject first = logs.getAsJsonArray("logs").get(0).getAsJsonObject();
            assertEquals("USER_MESSAGE", first.get("message_type").getAsString());
            assertEquals("Fix the flaky test", first.get("observation").getAsString());
            assertEquals(9, first.get("agent_run_id").getAsLong());
            assertEquals("POST", sim.requests().all().get(0).method());
        }
    }

    @Test
    public void aBadBodyIs422AndCreatesNothing() throws Exception {
        try (CodegenSimulator sim = CodegenSimulator.start(TestScenarios.basic())) {
            for (String body : List.of("{}", "{\"prompt\": 3}", "{\"prompt\": \"x\", \"repo_id\": \"abc\"}", "not json")) {
                HttpResponse<String> r = post(sim, body);
                assertEquals(body, 422, r.statusCode());
                assertTrue(r.body(), r.body().startsWith("{\"detail\":["));
            }
            assertEquals(List.of(), sim.createdRuns());
        }
    }

    @Test
    public void authOrganizationAndRefusal() throws Exception {
        try (CodegenSimulator sim = CodegenSimulator.start(TestScenarios.basic())) {
            assertEquals(401, post(sim, CREATE, "{\"prompt\": \"x\"}", null).statusCode());
            assertEquals(403, post(sim, "/v1/organizations/12/agent/run", "{\"prompt\": \"x\"}", "Bearer " + TestHttp.TOKEN).statusCode());
            sim.refuseCreations(402);
            HttpResponse<String> refused = post(sim, "{\"prompt\": \"x\"}");
            assertEquals(402, refused.statusCode());
            sim.refuseCreations(0);
            assertEquals(200, post(sim, "{\"prompt\": \"x\"}").statusCode());
            assertEquals(1, sim.createdRuns().size());
        }
    }

    @Test
    public void tenCreationsAMinutePerToken() throws Exception {
        try (CodegenSimulator sim = CodegenSimulator.start(TestScenarios.basic(), 0, clock)) {
            for (int i = 0; i < 10; i++) {
                assertEquals(200, post(sim, "{\"prompt\": \"run " + i + "\"}").statusCode());
            }
            HttpResponse<String> limited = post(sim, "{\"prompt\": \"one more\"}");
            assertEquals(429, limited.statusCode());
            assertEquals("6", limited.headers().firstValue("Retry-After").orElse(null));
            // reading logs is not creating: it still goes through
            assertEquals(200, get(sim, logsPath(10, 7)).statusCode());
            clock.advance(Duration.ofSeconds(6));
            assertEquals(200, post(sim, "{\"prompt\": \"one more\"}").statusCode());
            assertEquals(11, sim.createdRuns().size());
        }
    }
}
