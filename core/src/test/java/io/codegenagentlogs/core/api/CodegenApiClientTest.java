package io.codegenagentlogs.core.api;

import static io.codegenagentlogs.core.api.ClientFixtures.TOKEN;
import static io.codegenagentlogs.core.api.ClientFixtures.client;
import static io.codegenagentlogs.core.api.ClientFixtures.entry;
import static io.codegenagentlogs.core.api.ClientFixtures.failure;
import static io.codegenagentlogs.core.api.ClientFixtures.fetch;
import static io.codegenagentlogs.core.api.ClientFixtures.json;
import static io.codegenagentlogs.core.api.ClientFixtures.page;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The client against a real socket (MockWebServer): request shape, one attempt per fetch, how each failure is classified. */
public class CodegenApiClientTest {
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

    private static void assertOneLineWithoutToken(String message) {
        assertFalse(message, message.contains("\n"));
        assertFalse(message, message.contains(TOKEN));
    }

    @Test
    public void sendsDocumentedPathWithBearerTokenAndPaging() throws Exception {
        server.enqueue(json(200, page("RUNNING", 1, entry("ACTION", "look"))));
        LogPage page = fetch(client(server), 0).page();

        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("/v1/organizations/67890/agent/run/12345/logs?skip=0&limit=100", request.getTarget());
        assertEquals("Bearer " + TOKEN, request.getHeaders().get("Authorization"));
        assertEquals(1, page.logs().size());
        assertEquals("RUNNING", page.run().status().toString());
        assertEquals(Long.valueOf(1), page.totalLogs());
    }

    @Test
    public void refusesPagesLargerThanTheApiAllows() {
        CodegenApiClient c = client(server);
        assertThrows(IllegalArgumentException.class, () -> c.fetch(67890, 12345, 0, 101, new CancelSignal()));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    public void routeLevel404SwitchesToAlphaPathOnceAndRemembersIt() throws Exception {
        server.enqueue(json(404, "{\"detail\":\"Not Found\"}"));
        server.enqueue(json(200, page("RUNNING", 0)));
        server.enqueue(json(200, page("RUNNING", 0)));
        CodegenApiClient c = client(server);
        assertEquals(FetchFailure.Kind.SWITCHED_PATH, failure(c).kind());
        assertTrue(fetch(c, 0).ok());
        assertTrue(fetch(c, 0).ok());

        assertTrue(server.takeRequest().getTarget().startsWith("/v1/organizations/"));
        assertTrue(server.takeRequest().getTarget().startsWith("/v1/alpha/organizations/67890/agent/run/12345/logs"));
        assertTrue("the working path is kept", server.takeRequest().getTarget().startsWith("/v1/alpha/"));
    }

    @Test
    public void runLevel404IsRunNotFoundWithoutTryingTheOtherPath() throws Exception {
        server.enqueue(json(404, "{\"message\":\"Agent run not found.\",\"status_code\":404}"));
        FetchFailure f = failure(client(server));
        assertEquals(FetchFailure.Kind.FATAL, f.kind());
        assertEquals(ApiErrorKind.RUN_NOT_FOUND, f.error().kind());
        assertTrue(f.error().getMessage(), f.error().getMessage().startsWith("Agent run 12345 not found in organization 67890 (HTTP 404): "
                + "Agent run not found. To fix: check the run id"));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    public void bothPathsMissingSaysTheEndpointDoesNotExistUnderTheBaseUrlAsGiven() throws Exception {
        server.enqueue(json(404, "{\"detail\":\"Not Found\"}"));
        server.enqueue(json(404, "{\"detail\":\"Not Found\"}"));
        CodegenApiClient c = client(server.url("/v2").toString());
        assertEquals(FetchFailure.Kind.SWITCHED_PATH, failure(c).kind());
        FetchFailure f = failure(c);
        assertEquals(ApiErrorKind.NO_LOGS_ENDPOINT, f.error().kind());
        String base = "http://" + server.getHostName() + ":" + server.getPort() + "/v2";
        assertTrue(f.error().getMessage(), f.error().getMessage().startsWith("No logs endpoint under " + base
                + " (neither /v1/organizations/.../logs nor /v1/alpha/organizations/.../logs exists there)"));
        assertEquals("/v2/v1/organizations/67890/agent/run/12345/logs?skip=0&limit=100", server.takeRequest().getTarget());
    }

    @Test
    public void clientErrorsAreFatalEachWithItsOwnSentence() throws Exception {
        int[] codes = {400, 401, 403, 422, 405};
        ApiErrorKind[] kinds = {ApiErrorKind.BAD_REQUEST, ApiErrorKind.UNAUTHORIZED, ApiErrorKind.FORBIDDEN, ApiErrorKind.VALIDATION,
            ApiErrorKind.UNEXPECTED_STATUS};
        String[] bodies = {"{\"message\":\"bad skip\",\"status_code\":400}", "{\"message\":\"Invalid or missing API token.\",\"status_code\":401}",
            "{\"message\":\"You do not have access to this organization.\",\"status_code\":403}",
            "{\"detail\":[{\"loc\":[\"query\",\"limit\"],\"msg\":\"Input should be less than or equal to 100\",\"type\":\"less_than_equal\"}]}",
            "{\"detail\":\"Method Not Allowed\"}"};
        String[] expected = {"The Codegen API rejected the request (HTTP 400): bad skip.",
            "The Codegen API did not accept the token (HTTP 401): Invalid or missing API token. To fix: check the token",
            "The token has no access to organization 67890 (HTTP 403): You do not have access to this organization. To fix: check the "
                    + "organization id; the token's user must be a member of that organization.",
            "The Codegen API found the request invalid (HTTP 422): query.limit: Input should be less than or equal to 100.",
            "Unexpected answer from the Codegen API (HTTP 405)"};
        for (int i = 0; i < codes.length; i++) {
            server.enqueue(json(codes[i], bodies[i]));
            FetchFailure f = failure(client(server));
            assertEquals(FetchFailure.Kind.FATAL, f.kind());
            assertEquals(kinds[i], f.error().kind());
            assertEquals(codes[i], f.error().httpStatus());
            assertTrue(f.error().getMessage(), f.error().getMessage().startsWith(expected[i]));
            assertOneLineWithoutToken(f.error().getMessage());
        }
    }

    @Test
    public void serverErrorsAndRequestTimeoutAreTransient() throws Exception {
        for (int code : new int[] {500, 502, 503, 504, 408}) {
            server.enqueue(json(code, "{\"message\":\"busy\"}"));
            FetchFailure f = failure(client(server));
            assertEquals(code + "", FetchFailure.Kind.TRANSIENT, f.kind());
            assertEquals("HTTP " + code + " (busy)", f.cause());
        }
        server.enqueue(json(502, "<html>bad gateway</html>"));
        assertEquals("HTTP 502", failure(client(server)).cause());
    }

    @Test
    public void rateLimitedCarriesRetryAfterInEveryForm() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3").body("{}").build());
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "0").body("{}").build());
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT").body("{}").build());
        server.enqueue(new MockResponse.Builder().code(429).body("{}").build());
        CodegenApiClient c = client(server);
        FetchFailure seconds = failure(c);
        assertEquals(FetchFailure.Kind.RATE_LIMITED, seconds.kind());
        assertEquals(Duration.ofSeconds(3), seconds.retryAfter());
        assertEquals(Duration.ZERO, failure(c).retryAfter());
        assertEquals("a date long past", Duration.ZERO, failure(c).retryAfter());
        assertNull(failure(c).retryAfter());
    }

    @Test
    public void anUnknownHostIsNamedAsSuch() throws Exception {
        CodegenApiClient c = CodegenApiClient.builder().baseUrl("https://no-such-host.invalid").token(ApiToken.of(TOKEN))
                .rateLimiter(new RateLimiter(RateLimit.CODEGEN_DEFAULT, TimeSource.SYSTEM)).build();
        FetchFailure f = failure(c);
        assertEquals(FetchFailure.Kind.UNREACHABLE, f.kind());
        assertEquals(ApiErrorKind.UNKNOWN_HOST, f.error().kind());
        assertTrue(f.error().getMessage(), f.error().getMessage().startsWith(
                "The host no-such-host.invalid of the base URL could not be resolved (unknown host). To fix: check the base URL"));
    }

    @Test
    public void aRefusedConnectionIsNamedAsSuch() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        FetchFailure f = failure(client("http://127.0.0.1:" + port));
        assertEquals(FetchFailure.Kind.UNREACHABLE, f.kind());
        assertEquals(ApiErrorKind.CONNECTION_FAILED, f.error().kind());
        assertTrue(f.error().getMessage(), f.error().getMessage().startsWith("Nothing accepts connections at 127.0.0.1:" + port));
    }

    @Test
    public void redirectsAreNotFollowedSoTheTokenGoesNowhereElse() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            elsewhere.enqueue(json(200, page("RUNNING", 0)));
            server.enqueue(new MockResponse.Builder().code(302)
                    .setHeader("Location", elsewhere.url("/v1/x?token=" + TOKEN).toString()).build());
            FetchFailure f = failure(client(server));
            assertEquals(FetchFailure.Kind.FATAL, f.kind());
            assertEquals(ApiErrorKind.REDIRECTED, f.error().kind());
            assertTrue(f.error().getMessage(), f.error().getMessage().contains("answered with a redirect to http://"
                    + elsewhere.getHostName() + ":" + elsewhere.getPort() + "/v1/x (HTTP 302)"));
            assertOneLineWithoutToken(f.error().getMessage());
            assertEquals("nothing was sent to the other host", 0, elsewhere.getRequestCount());
        }
    }

    @Test
    public void aBodyCutShortIsTransientAndSaysWhere() throws Exception {
        String full = page("RUNNING", 1, entry("ACTION", "x".repeat(5000)));
        server.enqueue(new MockResponse.Builder().code(200).body(full)
                .onResponseBody(new SocketEffect.CloseSocket(true, true, true)).build());
        FetchFailure f = failure(client(server));
        assertEquals(FetchFailure.Kind.TRANSIENT, f.kind());
        assertTrue(f.cause(), f.cause().startsWith("the answer was cut off after "));
    }

    @Test
    public void aDroppedConnectionIsTransient() throws Exception {
        server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket(true, true, true)).build());
        assertEquals(FetchFailure.Kind.TRANSIENT, failure(client(server)).kind());
    }

    @Test
    public void aSlowAnswerTimesOutAsTransient() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body(page("RUNNING", 0)).bodyDelay(4, TimeUnit.SECONDS).build());
        FetchFailure f = failure(client(server));
        assertEquals(FetchFailure.Kind.TRANSIENT, f.kind());
        assertTrue(f.cause(), f.cause().contains("timed out") || f.cause().contains("no complete answer"));
    }

    @Test
    public void unreadablePagesAreMalformedAndSayWhy() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html").body("<html>login</html>").build());
        FetchFailure html = failure(client(server));
        assertEquals(FetchFailure.Kind.MALFORMED, html.kind());
        assertTrue(html.error().getMessage(), html.error().getMessage().startsWith(
                "The page of logs from entry 0 could not be read: the answer is an HTML page (Content-Type text/html), not JSON"));
        server.enqueue(json(200, page("RUNNING", 2, entry("ACTION", "a"), "{\"message_type\":\"ACTION\",\"thought\":tru}")));
        FetchFailure bad = failure(client(server));
        assertTrue(bad.cause(), bad.cause().startsWith("unreadable page: log entry 1 (entry 2 of the page): expected 'true'"));
        server.enqueue(json(200, ""));
        assertTrue(failure(client(server)).cause().contains("the body is empty"));
    }

    @Test
    public void cancelAbortsTheCallInFlight() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body(page("RUNNING", 0)).headersDelay(5, TimeUnit.SECONDS).build());
        CodegenApiClient c = CodegenApiClient.builder().baseUrl(server.url("/").toString()).token(ApiToken.of(TOKEN))
                .rateLimiter(new RateLimiter(RateLimit.CODEGEN_DEFAULT, TimeSource.SYSTEM))
                .timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10)).build();
        CancelSignal cancel = new CancelSignal();
        CompletableFuture<Throwable> thrown = CompletableFuture.supplyAsync(() -> {
            try {
                c.fetch(67890, 12345, 0, 100, cancel);
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        server.takeRequest(2, TimeUnit.SECONDS);
        cancel.cancel();
        assertTrue(thrown.get(2, TimeUnit.SECONDS) instanceof InterruptedException);
    }

    @Test
    public void theTokenIsRedactedInEveryAnswerTwoHundredsIncluded() throws Exception {
        server.enqueue(json(401, "{\"detail\":\"Invalid API token '" + TOKEN + "'\"}"));
        FetchFailure f = failure(client(server));
        assertTrue(f.error().getMessage(), f.error().getMessage().contains("Invalid API token '****'"));
        assertOneLineWithoutToken(f.error().getMessage());
        assertFalse(f.error().serverMessage().contains(TOKEN));

        server.enqueue(json(503, "{\"message\":\"overloaded, token " + TOKEN + "\"}"));
        assertFalse(failure(client(server)).cause().contains(TOKEN));

        String echo = "{\"agent_run_id\":12345,\"message_type\":\"ACTION\",\"thought\":\"env: CODEGEN_API_TOKEN=" + TOKEN
                + "\",\"tool_output\":{\"url\":\"https://x/?t=" + TOKEN + "\"}}";
        server.enqueue(json(200, page("RUNNING", 1, echo)));
        LogEntry e = fetch(client(server), 0).page().logs().get(0);
        assertFalse(e.rawJson(), e.rawJson().contains(TOKEN));
        assertEquals("env: CODEGEN_API_TOKEN=****", e.thought());
    }
}
