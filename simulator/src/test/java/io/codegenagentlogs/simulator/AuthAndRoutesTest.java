package io.codegenagentlogs.simulator;

import static io.codegenagentlogs.simulator.TestHttp.alphaLogsPath;
import static io.codegenagentlogs.simulator.TestHttp.get;
import static io.codegenagentlogs.simulator.TestHttp.json;
import static io.codegenagentlogs.simulator.TestHttp.logsPath;
import static io.codegenagentlogs.simulator.TestScenarios.ORG;
import static io.codegenagentlogs.simulator.TestScenarios.RUN;
import static org.junit.Assert.assertEquals;

import com.google.gson.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class AuthAndRoutesTest {
    private static final String NOT_FOUND_ROUTE = "{\"detail\":\"Not Found\"}";
    private static final String RUN_NOT_FOUND = "{\"message\":\"Agent run not found.\",\"status_code\":404}";
    private CodegenSimulator sim;

    @Before
    public void start() throws Exception {
        sim = CodegenSimulator.start(TestScenarios.basic());
    }

    @After
    public void stop() {
        sim.close();
    }

    @Test
    public void missingOrMalformedTokenIs401() throws Exception {
        for (String header : new String[] {null, "sim-token", "Basic c2ltLXRva2Vu", "Bearer", "Bearer "}) {
            HttpResponse<String> response = get(sim, logsPath(ORG, RUN), header);
            assertEquals(header, 401, response.statusCode());
            assertEquals("{\"message\":\"Invalid or missing API token.\",\"status_code\":401}", response.body());
        }
    }

    @Test
    public void unknownTokenIs401LikeAMissingOne() throws Exception {
        // Codegen documents 401 as "Invalid or missing API token": a wrong token is not a permission problem
        HttpResponse<String> response = get(sim, logsPath(ORG, RUN), "Bearer someone-else");
        assertEquals(401, response.statusCode());
        assertEquals("{\"message\":\"Invalid or missing API token.\",\"status_code\":401}", response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    public void validTokenForAnotherOrganizationIs403() throws Exception {
        HttpResponse<String> response = get(sim, logsPath(ORG + 2, RUN));
        assertEquals(403, response.statusCode());
        assertEquals("{\"message\":\"You do not have access to this organization.\",\"status_code\":403}",
                response.body());
        assertEquals(403, get(sim, "/v1/organizations/" + (ORG + 2) + "/agent/run/" + RUN).statusCode());
    }

    @Test
    public void bearerSchemeIsCaseInsensitive() throws Exception {
        assertEquals(200, get(sim, logsPath(ORG, RUN), "bearer sim-token").statusCode());
    }

    @Test
    public void unknownRoutesAre404DetailBeforeAuth() throws Exception {
        for (String path : new String[] {"/", "/v1/organizations/10/agent/run/7/log", "/v1/organizations/10/agent/runs",
                "/v2/organizations/10/agent/run/7/logs", "/v1/organizations/10/agent/run/7/logs/"}) {
            HttpResponse<String> response = get(sim, path, null);
            assertEquals(path, 404, response.statusCode());
            assertEquals(path, NOT_FOUND_ROUTE, response.body());
        }
    }

    @Test
    public void otherMethodsAre404() throws Exception {
        HttpRequest post = TestHttp.request(sim, logsPath(ORG, RUN), "Bearer sim-token")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpResponse<String> response = TestHttp.send(post);
        assertEquals(404, response.statusCode());
        assertEquals(NOT_FOUND_ROUTE, response.body());
    }

    @Test
    public void unknownRunAndForeignOrgAre404RunNotFoundAfterAuth() throws Exception {
        HttpResponse<String> unknown = get(sim, logsPath(ORG, 999));
        assertEquals(404, unknown.statusCode());
        assertEquals(RUN_NOT_FOUND, unknown.body());
        HttpResponse<String> otherOrg = get(sim, logsPath(11, RUN));
        assertEquals(404, otherOrg.statusCode());
        assertEquals(RUN_NOT_FOUND, otherOrg.body());
        assertEquals(401, get(sim, logsPath(ORG, 999), null).statusCode());
    }

    @Test
    public void nonIntegerPathIdsAre422() throws Exception {
        HttpResponse<String> response = get(sim, logsPath(ORG, RUN).replace("/7/", "/seven/"));
        assertEquals(422, response.statusCode());
        JsonObject problem = json(response).getAsJsonArray("detail").get(0).getAsJsonObject();
        assertEquals("[\"path\",\"agent_run_id\"]", problem.get("loc").toString());
        assertEquals("int_parsing", problem.get("type").getAsString());
    }

    @Test
    public void bothPathsServeByDefault() throws Exception {
        assertEquals(200, get(sim, logsPath(ORG, RUN)).statusCode());
        assertEquals(200, get(sim, alphaLogsPath(ORG, RUN)).statusCode());
    }

    @Test
    public void pathsOptionDisablesTheOtherPath() throws Exception {
        try (CodegenSimulator alpha = CodegenSimulator.start(TestScenarios.basicWith("\"paths\": \"alpha\","));
             CodegenSimulator documented = CodegenSimulator.start(TestScenarios.basicWith("\"paths\": \"documented\","))) {
            assertEquals(200, get(alpha, alphaLogsPath(ORG, RUN)).statusCode());
            assertEquals(NOT_FOUND_ROUTE, get(alpha, logsPath(ORG, RUN)).body());
            assertEquals(200, get(documented, logsPath(ORG, RUN)).statusCode());
            assertEquals(NOT_FOUND_ROUTE, get(documented, alphaLogsPath(ORG, RUN)).body());
        }
    }

    @Test
    public void runEndpointAnswersTheRunWithoutLogs() throws Exception {
        HttpResponse<String> response = get(sim, "/v1/organizations/10/agent/run/7");
        assertEquals(200, response.statusCode());
        JsonObject run = json(response);
        assertEquals(7, run.get("id").getAsLong());
        assertEquals("COMPLETE", run.get("status").getAsString());
        assertEquals("https://app.codegen.com/agent/trace/7", run.get("web_url").getAsString());
        assertEquals(false, run.has("logs"));
        assertEquals(RUN_NOT_FOUND, get(sim, "/v1/organizations/11/agent/run/7").body());
    }
}
