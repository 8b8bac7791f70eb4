package io.codegenagentlogs.core.api;

import static io.codegenagentlogs.core.api.ClientFixtures.client;
import static io.codegenagentlogs.core.api.ClientFixtures.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.CreatedRun;
import io.codegenagentlogs.simulator.Scenario;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Creating a run: against the simulator for what Codegen answers, and against MockWebServer for the
 * answers that leave the outcome open, where the rule is one request and never a second.
 */
public class AgentRunCreatorTest {
    private static final String RUN = "{\"id\": 501, \"organization_id\": 67890, \"status\": \"PENDING\", "
            + "\"created_at\": \"2025-01-01T00:00:00Z\", \"web_url\": \"https://app.codegen.com/agent/trace/501\", \"result\": null}";

    private MockWebServer server;

    @Before
    public void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @After
    public void stop() {
        server.close();
    }

    private AgentRunCreator creator(CodegenApiClient client) {
        // a limiter of its own: the JVM-wide one for this token would pace other tests
        return new AgentRunCreator(client, new RateLimiter(new RateLimit(1000, Duration.ofSeconds(1)), TimeSource.SYSTEM));
    }

    @Test
    public void createsARunOnTheSimulatorWithThePromptAndRepository() throws Exception {
        String token = "creator-" + System.nanoTime();
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.fromJson("{\"tokens\": [\"" + token + "\"], \"runs\": "
                + "[{\"id\": 7, \"organization_id\": 10, \"logs\": []}]}"))) {
            CodegenApiClient client = CodegenApiClient.builder().baseUrl(sim.baseUrl()).token(ApiToken.of(token)).build();
            RunInfo run = creator(client).create(10, "Fix the \"flaky\" test\nin core", 42L, new CancelSignal());
            assertEquals(8, run.id());
            assertEquals(10, run.organizationId());
            assertEquals("https://app.codegen.com/agent/trace/8", run.safeWebUrl());
            assertEquals(List.of(new CreatedRun(10, "Fix the \"flaky\" test\nin core", 42L, 8)), sim.createdRuns());

            sim.refuseCreations(402);
            CodegenApiException refused = assertThrows(CodegenApiException.class,
                    () -> creator(client).create(10, "again", null, new CancelSignal()));
            assertEquals(ApiErrorKind.PAYMENT_REQUIRED, refused.kind());
            CodegenApiException forbidden = assertThrows(CodegenApiException.class,
                    () -> creator(client).create(11, "elsewhere", null, new CancelSignal()));
            assertEquals(ApiErrorKind.FORBIDDEN, forbidden.kind());
            assertEquals(1, sim.createdRuns().size());
        }
    }

    @Test
    public void sendsOneJsonBodyWithTheToken() throws Exception {
        server.enqueue(json(200, RUN));
        RunInfo run = creator(client(server)).create(67890, "Add tests", null, new CancelSignal());
        assertEquals(501, run.id());
        assertEquals("PENDING", run.status().normalized());
        RecordedRequest request = server.takeRequest();
        assertEquals("POST", request.getMethod());
        assertEquals("/v1/organizations/67890/agent/run", request.getUrl().encodedPath());
        assertEquals("Bearer " + ClientFixtures.TOKEN, request.getHeaders().get("Authorization"));
        JsonObject body = JsonParser.parseString(request.getBody().utf8()).getAsJsonObject();
        assertEquals("Add tests", body.get("prompt").getAsString());
        assertNull(body.get("repo_id"));
    }

    @Test
    public void aTooManyRequestsAnswerIsWaitedOutAndAskedAgain() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1")
                .body("{\"message\": \"Rate limit exceeded\", \"status_code\": 429}").build());
        server.enqueue(json(200, RUN));
        long started = System.nanoTime();
        assertEquals(501, creator(client(server)).create(67890, "Add tests", null, new CancelSignal()).id());
        assertEquals(2, server.getRequestCount());
        assertTrue("waited as told", System.nanoTime() - started >= Duration.ofMillis(900).toNanos());
    }

    /**
     * Driven without waiting, as Jenkins' scheduler does: a creation whose slot is a minute away says
     * so, sends nothing, and refuses to be sent early; the one whose slot has come is sent.
     */
    @Test
    public void aPreparedCreationSaysHowLongToWaitAndSendsNothingBefore() throws Exception {
        server.enqueue(json(200, RUN));
        RateLimiter createLimiter = new RateLimiter(new RateLimit(1, Duration.ofSeconds(60)), TimeSource.SYSTEM);
        AgentRunCreator creator = new AgentRunCreator(client(server), createLimiter);
        AgentRunCreator.Creation first = creator.prepare(67890, "first", null);
        AgentRunCreator.Creation second = creator.prepare(67890, "second", null);
        assertTrue("the first one's slot is now", first.nanosToWait() <= 0);
        long wait = second.nanosToWait();
        assertTrue("the second waits for the next minute's slot: " + wait, wait > Duration.ofSeconds(55).toNanos());
        assertThrows(IllegalStateException.class, () -> second.send(new CancelSignal()));
        assertEquals("nothing sent early", 0, server.getRequestCount());
        assertEquals(501, first.send(new CancelSignal()).id());
        assertEquals(1, server.getRequestCount());
        assertTrue("still waiting, FIFO: the slot stays the second one's", second.nanosToWait() > Duration.ofSeconds(55).toNanos());
    }

    @Test
    public void anAnswerThatLeavesTheOutcomeOpenIsNeverRetried() throws Exception {
        for (MockResponse open : List.of(json(503, "{\"message\": \"Service Unavailable\"}"), json(500, "{}"),
                new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, true, true)).build(),
                json(200, "{\"no_id\": true}"))) {
            server.enqueue(open);
            int before = server.getRequestCount();
            CodegenApiException e = assertThrows(CodegenApiException.class,
                    () -> creator(client(server)).create(67890, "Add tests", null, new CancelSignal()));
            assertEquals(e.getMessage(), ApiErrorKind.OUTCOME_UNKNOWN, e.kind());
            assertEquals("one request, never a second", before + 1, server.getRequestCount());
        }
    }

    @Test
    public void nothingIsSentForABadPromptOrAHostThatCannotBeReached() throws Exception {
        AgentRunCreator creator = creator(client(server));
        assertThrows(IllegalArgumentException.class, () -> creator.create(67890, " ", null, new CancelSignal()));
        assertThrows(IllegalArgumentException.class,
                () -> creator.create(67890, "x".repeat(AgentRunCreator.MAX_PROMPT_CHARS + 1), null, new CancelSignal()));
        assertThrows(IllegalArgumentException.class, () -> creator.create(67890, "x", 0L, new CancelSignal()));
        assertEquals(0, server.getRequestCount());

        int port = server.getPort();
        server.close();
        CodegenApiException refused = assertThrows(CodegenApiException.class,
                () -> creator(client("http://127.0.0.1:" + port + "/")).create(67890, "x", null, new CancelSignal()));
        assertEquals(ApiErrorKind.CONNECTION_FAILED, refused.kind());
        assertTrue(refused.getMessage(), refused.getMessage().contains("no run was created"));
    }
}
