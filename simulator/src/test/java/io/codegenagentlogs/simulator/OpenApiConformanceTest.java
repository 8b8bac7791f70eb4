package io.codegenagentlogs.simulator;

import static io.codegenagentlogs.simulator.TestHttp.get;
import static io.codegenagentlogs.simulator.TestHttp.logsPath;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Checks real simulator responses against the schemas in Codegen's own OpenAPI document. A copy of the
 * document is a test resource, so the check runs wherever the repository is cloned; where the shared
 * reference folder is present too, {@link #copyIsCurrent()} makes sure the copy has not gone stale.
 */
public class OpenApiConformanceTest {
    private static final String RESOURCE = "/openapi/codegen-openapi3.json";
    private static final String SHARED_DOCUMENT = "shared/reference/codegen-openapi3.json";
    private static final long ORG = 67890;
    private static String document;
    private static JsonObject definitions;

    @BeforeClass
    public static void loadSchemas() throws Exception {
        try (InputStream in = OpenApiConformanceTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull("test resource " + RESOURCE + " is missing", in);
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonObject openApi = JsonParser.parseString(document).getAsJsonObject();
        // OpenAPI 3.1 schemas are JSON Schema 2020-12; only their $ref targets need moving under $defs.
        String schemas = openApi.getAsJsonObject("components").getAsJsonObject("schemas").toString()
                .replace("\"#/components/schemas/", "\"#/$defs/");
        definitions = JsonParser.parseString(schemas).getAsJsonObject();
    }

    @Test
    public void copyIsCurrent() throws Exception {
        Path shared = findSharedDocument();
        Assume.assumeTrue("no " + SHARED_DOCUMENT + " above the working directory to compare with", shared != null);
        assertEquals("simulator/src/test/resources" + RESOURCE + " differs from " + shared + ": copy it again",
                Files.readString(shared, StandardCharsets.UTF_8), document);
    }

    private static Path findSharedDocument() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(SHARED_DOCUMENT);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<Error> validate(String schemaName, String body) {
        JsonObject root = new JsonObject();
        root.addProperty("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.addProperty("$ref", "#/$defs/" + schemaName);
        root.add("$defs", definitions);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root.toString());
        return schema.validate(body, InputFormat.JSON);
    }

    private static void assertConforms(String schemaName, HttpResponse<String> response) {
        List<Error> errors = validate(schemaName, response.body());
        assertTrue(schemaName + ": " + errors + "\nbody: " + abbreviate(response.body()), errors.isEmpty());
    }

    private static String abbreviate(String body) {
        return body.length() < 2000 ? body : body.substring(0, 2000) + "...";
    }

    @Test
    public void firstPageOfEveryBundledScenarioIsAnAgentRunWithLogsResponse() throws Exception {
        for (String name : Scenario.bundledNames()) {
            Scenario scenario = Scenario.bundled(name);
            long runId = scenario.runIds().get(0);
            try (CodegenSimulator sim = CodegenSimulator.start(scenario)) {
                SimulatedRun run = sim.run(runId);
                run.setVisibleLogs(run.logCount()); // validate real entries, not an empty early page
                String path = (name.equals("faulty") ? TestHttp.alphaLogsPath(ORG, runId) : logsPath(ORG, runId));
                HttpResponse<String> response = get(sim, path);
                assertEquals(name, 200, response.statusCode());
                assertFalse(name, JsonParser.parseString(response.body()).getAsJsonObject()
                        .getAsJsonArray("logs").isEmpty());
                assertConforms("AgentRunWithLogsResponse", response);
                assertConforms("AgentRunResponse", get(sim, "/v1/organizations/67890/agent/run/" + runId));
            }
        }
    }

    @Test
    public void errorResponsesMatchTheirDocumentedSchemas() throws Exception {
        Scenario limited = TestScenarios.basicWith("\"rate_limit\": {\"requests\": 2, \"per_seconds\": 60},");
        try (CodegenSimulator sim = CodegenSimulator.start(limited)) {
            HttpResponse<String> forbidden = get(sim, logsPath(12, 7));
            assertEquals(403, forbidden.statusCode());
            assertConforms("PermissionsErrorResponse", forbidden);

            HttpResponse<String> invalid = get(sim, logsPath(10, 7) + "?limit=0&skip=-1&reverse=perhaps");
            assertEquals(422, invalid.statusCode());
            assertConforms("HTTPValidationError", invalid);

            HttpResponse<String> rateLimited = get(sim, logsPath(10, 7));
            assertEquals(429, rateLimited.statusCode());
            assertConforms("APIRateLimitErrorResponse", rateLimited);
        }
        try (CodegenSimulator sim = CodegenSimulator.start(TestScenarios.basic())) {
            HttpResponse<String> notFound = get(sim, logsPath(10, 12345));
            assertEquals(404, notFound.statusCode());
            assertConforms("AgentRunNotFoundErrorResponse", notFound);
        }
    }

    @Test
    public void theCheckCatchesBrokenBodies() throws Exception {
        try (CodegenSimulator sim = CodegenSimulator.start(TestScenarios.basic())) {
            String good = get(sim, logsPath(10, 7) + "?limit=3").body();
            assertTrue(validate("AgentRunWithLogsResponse", good).isEmpty());
            assertFalse(validate("AgentRunWithLogsResponse", good.replace("\"id\":7,", "")).isEmpty());
            assertFalse(validate("AgentRunWithLogsResponse", good.replace("\"agent_run_id\": 7", "\"agent_run_id\": \"7\""))
                    .isEmpty());
            assertFalse(validate("AgentRunWithLogsResponse", good.replace("\"total_logs\":250", "\"total_logs\":\"250\""))
                    .isEmpty());
            sim.inject(Fault.nullLogs());
            assertFalse("the null_logs fault breaks the schema on purpose",
                    validate("AgentRunWithLogsResponse", get(sim, logsPath(10, 7)).body()).isEmpty());
        }
        assertFalse(validate("HTTPValidationError", "{\"detail\":[{\"loc\":[\"query\"],\"msg\":\"x\"}]}").isEmpty());
        assertFalse(validate("APIRateLimitErrorResponse", "{\"message\":429}").isEmpty());
    }
}
