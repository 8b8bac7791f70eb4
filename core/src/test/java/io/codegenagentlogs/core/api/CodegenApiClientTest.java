package io.codegenagentlogs.core.api;

import static io.codegenagentlogs.core.api.ClientFixtures.TOKEN;
import static io.codegenagentlogs.core.api.ClientFixtures.client;
import static io.codegenagentlogs.core.api.ClientFixtures.entry;
import static io.codegenagentlogs.core.api.ClientFixtures.fastRetries;
import static io.codegenagentlogs.core.api.ClientFixtures.fetch;
import static io.codegenagentlogs.core.api.ClientFixtures.json;
import static io.codegenagentlogs.core.api.ClientFixtures.page;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The client against a real socket (MockWebServer): request shape, error mapping, retries. */
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

    @Test
    public void sendsDocumentedPathWithBearerTokenAndPaging() throws Exception {
        server.enqueue(json(200, page("RUNNING", 1, entry("ACTION", "look"))));
        LogPage page = fetch(client(server, fastRetries(1)), 0, new ClientFixtures.Recorder());

        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("/v1/organizations/67890/agent/run/12345/logs?skip=0&limit=100", request.getTarget());
        assertEquals("Bearer " + TOKEN, request.getHeaders().get("Authorization"));
        assertEquals(1, page.logs().size());
        assertEquals("RUNNING", page.run().status().toString());
        assertEquals(Long.valueOf(1), page.totalLogs());
    }

    @Test
    public void refusesPagesLargerThanTheApiAllows() {
        CodegenApiClient c = client(server, fastRetries(1));
        assertThrows(IllegalArgumentException.class,
                () -> c.fetchLogs(67890, 12345, 0, 101, Long.MAX_VALUE, FetchObserver.NONE, new CancelSignal()));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    public void routeLevel404SwitchesToAlphaPathOnceAndRemembersIt() throws Exception {
        server.enqueue(json(404, "{\"detail\":\"Not Found\"}"));
        server.enqueue(json(200, page("RUNNING", 0)));
        server.enqueue(json(200, page("RUNNING", 0)));
        CodegenApiClient c = client(server, fastRetries(1));
        fetch(c, 0, new ClientFixtures.Recorder());
        fetch(c, 0, new ClientFixtures.Recorder());

        assertTrue(server.takeRequest().getTarget().startsWith("/v1/organizations/"));
        assertTrue(server.takeRequest().getTarget().startsWith("/v1/alpha/organizations/67890/agent/run/12345/logs"));
        assertTrue("the working path is kept", server.takeRequest().getTarget().startsWith("/v1/alpha/"));
    }

    @Test
    public void runLevel404IsRunNotFoundWithoutTryingTheOtherPath() {
        server.enqueue(json(404, "{\"message\":\"Agent run not found.\",\"status_code\":404}"));
        CodegenApiException e = assertThrows(CodegenApiException.class,
                () -> fetch(client(server, fastRetries(3)), 0, new ClientFixtures.Recorder()));
        assertEquals(ApiErrorKind.RUN_NOT_FOUND, e.kind());
        assertTrue(e.getMessage(), e.getMessage().contains("Agent run not found."));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    public void bothPathsMissingSaysTheEndpointDoesNotExist() {
        server.enqueue(json(404, "{\"detail\":\"Not Found\"}"));
        server.enqueue(json(404, "{\"detail\":\"Not Found\"}"));
        CodegenApiException e = assertThrows(CodegenApiException.class,
                () -> fetch(client(server, fastRetries(3)), 0, new ClientFixtures.Recorder()));
        assertEquals(ApiErrorKind.UNEXPECTED_STATUS, e.kind());
        assertTrue(e.getMessage(), e.getMessage().contains("No logs endpoint"));
        assertEquals(2, server.getRequestCount());
    }

    @Test
    public void clientErrorsAreTypedCarryTheServerMessageAndAreNotRetried() {
        int[] codes = {400, 401, 403, 422};
        ApiErrorKind[] kinds = {ApiErrorKind.BAD_REQUEST, ApiErrorKind.UNAUTHORIZED, ApiErrorKind.FORBIDDEN, ApiErrorKind.VALIDATION};
        String[] bodies = {"{\"message\":\"bad skip\",\"status_code\":400}", "{\"message\":\"Invalid token\",\"status_code\":401}",
            "{\"message\":\"You do not have access to this organization.\",\"status_code\":403}",
            "{\"detail\":[{\"loc\":[\"query\",\"limit\"],\"msg\":\"Input should be less than or equal to 100\",\"type\":\"less_than_equal\"}]}"};
        String[] expected = {"bad skip", "Invalid token", "You do not have access", "query.limit: Input should be less than or equal to 100"};
        for (int i = 0; i < codes.length; i++) {
            server.enqueue(json(codes[i], bodies[i]));
            int before = server.getRequestCount();
            CodegenApiException e = assertThrows(CodegenApiException.class,
                    () -> fetch(client(server, fastRetries(5)), 0, new ClientFixtures.Recorder()));
            assertEquals(kinds[i], e.kind());
            assertEquals(codes[i], e.httpStatus());
            assertTrue(e.getMessage(), e.getMessage().contains(expected[i]));
            assertTrue("one line: " + e.getMessage(), !e.getMessage().contains("\n"));
            assertFalse(e.getMessage().contains(TOKEN));
            assertEquals("not retried", before + 1, server.getRequestCount());
        }
    }

    @Test
    public void transientStatusesAreRetriedThenSucceed() throws Exception {
        server.enqueue(json(503, "{\"message\":\"busy\"}"));
        server.enqueue(json(502, "<html>bad gateway</html>"));
        server.enqueue(json(504, ""));
        server.enqueue(json(200, page("COMPLETE", 1, entry("FINAL_ANSWER", "done"))));
        ClientFixtures.Recorder rec = new ClientFixtures.Recorder();
        LogPage page = fetch(client(server, fastRetries(5)), 0, rec);
        assertEquals(1, page.logs().size());
        assertEquals(4, rec.sent);
        assertEquals(3, rec.events.size());
        assertTrue(rec.events.get(0), rec.events.get(0).contains("HTTP 503 (busy)"));
    }

    @Test
    public void retryAfterSecondsIsHonouredAndCounted() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1")
                .body("{\"message\":\"Rate limit exceeded. Please try again later.\",\"status_code\":429}").build());
        server.enqueue(json(200, page("RUNNING", 0)));
        ClientFixtures.Recorder rec = new ClientFixtures.Recorder();
        long start = System.nanoTime();
        fetch(client(server, fastRetries(3)), 0, rec);
        assertEquals(1, rec.rateLimited);
        assertEquals(java.time.Duration.ofSeconds(1), rec.delays.get(0));
        assertTrue("waited for Retry-After", System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(950));
    }

    @Test
    public void exhaustedRetriesGiveATypedErrorNamingTheLastFailure() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(503, "{\"message\":\"maintenance\"}"));
        }
        CodegenApiException e = assertThrows(CodegenApiException.class,
                () -> fetch(client(server, fastRetries(3)), 0, new ClientFixtures.Recorder()));
        assertEquals(ApiErrorKind.RETRIES_EXHAUSTED, e.kind());
        assertTrue(e.getMessage(), e.getMessage().contains("after 3 attempts") && e.getMessage().contains("maintenance"));
        assertEquals(3, server.getRequestCount());
    }

    @Test
    public void droppedConnectionsAndTruncatedBodiesAreRetried() throws Exception {
        server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket(true, true, true)).build());
        String full = page("RUNNING", 1, entry("ACTION", "x"));
        // headers promise a body, then the connection closes: the client reads a truncated response
        server.enqueue(new MockResponse.Builder().code(200).body(full)
                .onResponseBody(new SocketEffect.CloseSocket(true, true, true)).build());
        server.enqueue(json(200, full.substring(0, full.length() - 10)));
        server.enqueue(json(200, full));
        ClientFixtures.Recorder rec = new ClientFixtures.Recorder();
        LogPage page = fetch(client(server, fastRetries(5)), 0, rec);
        assertEquals(1, page.logs().size());
        assertEquals(3, rec.events.size());
        assertTrue(rec.events.get(2), rec.events.get(2).contains("not a readable logs page"));
    }

    @Test
    public void slowResponsesTimeOutAndAreRetried() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body(page("RUNNING", 0)).bodyDelay(2, TimeUnit.SECONDS).build());
        server.enqueue(json(200, page("RUNNING", 0)));
        ClientFixtures.Recorder rec = new ClientFixtures.Recorder();
        fetch(client(server, fastRetries(3)), 0, rec);
        assertEquals(1, rec.events.size());
        assertTrue(rec.events.get(0), rec.events.get(0).contains("timed out"));
    }

    @Test
    public void malformedPagesEndAsMalformedResponseAfterRetries() {
        server.enqueue(json(200, "<html>login</html>"));
        server.enqueue(json(200, "<html>login</html>"));
        CodegenApiException e = assertThrows(CodegenApiException.class,
                () -> fetch(client(server, fastRetries(2)), 0, new ClientFixtures.Recorder()));
        assertEquals(ApiErrorKind.MALFORMED_RESPONSE, e.kind());
    }

    @Test
    public void deadlineBeforeNextRetryStopsRetrying() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "120").body("{}").build());
        CodegenApiClient c = client(server, fastRetries(5));
        assertThrows(DeadlineExceededException.class, () -> c.fetchLogs(67890, 12345, 0, 100,
                System.currentTimeMillis() + 5_000, FetchObserver.NONE, new CancelSignal()));
    }

    @Test
    public void cancelAbortsTheCallInFlight() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body(page("RUNNING", 0)).headersDelay(5, TimeUnit.SECONDS).build());
        CodegenApiClient c = CodegenApiClient.builder().baseUrl(server.url("/").toString()).token(ApiToken.of(TOKEN))
                .rateLimiter(new RateLimiter(RateLimit.CODEGEN_DEFAULT, TimeSource.SYSTEM))
                .timeouts(java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(10)).build();
        CancelSignal cancel = new CancelSignal();
        java.util.concurrent.CompletableFuture<Throwable> thrown = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                c.fetchLogs(67890, 12345, 0, 100, Long.MAX_VALUE, FetchObserver.NONE, cancel);
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
    public void anAbsurdRetryAfterIsCappedNotACrash() {
        // 10^11 seconds (past what a Duration holds in nanoseconds), and an HTTP date in the year 9999
        for (String header : new String[] {"99999999999", "Fri, 31 Dec 9999 23:59:59 GMT"}) {
            server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", header).body("{}").build());
            CodegenApiClient c = client(server, fastRetries(3));
            // capped at 5 minutes, which is past this deadline: the watch times out, it does not crash
            assertThrows(header, DeadlineExceededException.class, () -> c.fetchLogs(67890, 12345, 0, 100,
                    System.currentTimeMillis() + 5_000, FetchObserver.NONE, new CancelSignal()));
        }
    }

    @Test
    public void aServerThatEchoesTheTokenDoesNotGetItIntoMessages() {
        server.enqueue(json(401, "{\"detail\":\"Invalid API token '" + TOKEN + "'\"}"));
        CodegenApiException e = assertThrows(CodegenApiException.class,
                () -> fetch(client(server, fastRetries(3)), 0, new ClientFixtures.Recorder()));
        assertEquals(ApiErrorKind.UNAUTHORIZED, e.kind());
        assertFalse(e.getMessage(), e.getMessage().contains(TOKEN));
        assertFalse(e.serverMessage(), e.serverMessage().contains(TOKEN));
        assertTrue(e.getMessage(), e.getMessage().contains("Invalid API token"));

        server.enqueue(json(503, "{\"message\":\"overloaded, token " + TOKEN + "\"}"));
        server.enqueue(json(503, "{\"message\":\"overloaded, token " + TOKEN + "\"}"));
        ClientFixtures.Recorder rec = new ClientFixtures.Recorder();
        CodegenApiException exhausted = assertThrows(CodegenApiException.class, () -> fetch(client(server, fastRetries(2)), 0, rec));
        assertFalse(exhausted.getMessage(), exhausted.getMessage().contains(TOKEN));
        assertFalse(rec.events.toString(), rec.events.toString().contains(TOKEN));
    }
}
