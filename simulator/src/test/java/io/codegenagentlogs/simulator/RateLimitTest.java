package io.codegenagentlogs.simulator;

import static io.codegenagentlogs.simulator.TestHttp.get;
import static io.codegenagentlogs.simulator.TestHttp.logsPath;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.Test;

public class RateLimitTest {
    private static final String LOGS = logsPath(10, 7);
    private static final String RUN = "/v1/organizations/10/agent/run/7";
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

    private CodegenSimulator start(String retryAfter) throws IOException {
        return CodegenSimulator.start(TestScenarios.basicWith("""
                "tokens": ["sim-token", "other-token"],
                "rate_limit": {"requests": 2, "per_seconds": 10, "retry_after": "%s"},
                """.formatted(retryAfter)), 0, clock);
    }

    @Test
    public void emptyBucketAnswers429WithRetryAfterSecondsUntilTheNextToken() throws Exception {
        try (CodegenSimulator sim = start("seconds")) {
            assertEquals(200, get(sim, LOGS).statusCode());
            assertEquals(200, get(sim, RUN).statusCode());
            HttpResponse<String> limited = get(sim, LOGS);
            assertEquals(429, limited.statusCode());
            assertEquals("{\"message\":\"Rate limit exceeded. Please try again later.\",\"status_code\":429}",
                    limited.body());
            assertEquals("5", limited.headers().firstValue("Retry-After").orElse(null));
            clock.advance(Duration.ofMillis(3100));
            assertEquals("2", get(sim, LOGS).headers().firstValue("Retry-After").orElse(null));
            clock.advance(Duration.ofMillis(1900));
            assertEquals(200, get(sim, LOGS).statusCode());
        }
    }

    @Test
    public void retryAfterCanBeAnHttpDate() throws Exception {
        try (CodegenSimulator sim = start("http-date")) {
            get(sim, LOGS);
            get(sim, LOGS);
            clock.advance(Duration.ofMillis(300));
            HttpResponse<String> limited = get(sim, LOGS);
            assertEquals(429, limited.statusCode());
            // Next token at 00:00:05.000; whole seconds, rounded up.
            assertEquals("Wed, 01 Jan 2025 00:00:05 GMT", limited.headers().firstValue("Retry-After").orElse(null));
        }
    }

    @Test
    public void retryAfterCanBeLeftOut() throws Exception {
        try (CodegenSimulator sim = start("none")) {
            get(sim, LOGS);
            get(sim, LOGS);
            HttpResponse<String> limited = get(sim, LOGS);
            assertEquals(429, limited.statusCode());
            assertFalse(limited.headers().firstValue("Retry-After").isPresent());
        }
    }

    @Test
    public void eachTokenHasItsOwnBucketAndRejectedCallsTakeNothing() throws Exception {
        try (CodegenSimulator sim = start("seconds")) {
            assertEquals(401, get(sim, LOGS, null).statusCode());
            assertEquals(401, get(sim, LOGS, "Bearer stranger").statusCode());
            get(sim, LOGS);
            get(sim, LOGS);
            assertEquals(429, get(sim, LOGS).statusCode());
            assertEquals(200, get(sim, LOGS, "Bearer other-token").statusCode());
        }
    }

    @Test
    public void rateLimitedRequestsDoNotUseUpFaultsOrStages() throws Exception {
        try (CodegenSimulator sim = start("seconds")) {
            get(sim, LOGS);
            get(sim, LOGS);
            sim.inject(Fault.status(503));
            assertEquals(429, get(sim, LOGS).statusCode());
            clock.advance(Duration.ofSeconds(5));
            assertEquals(503, get(sim, LOGS).statusCode());
            assertTrue(sim.requests().awaitCount(4, Duration.ofSeconds(10)));
            RecordedCall limited = sim.requests().all().stream().filter(c -> c.status() == 429).findFirst().orElseThrow();
            assertEquals(null, limited.fault());
        }
    }

    @Test
    public void noRateLimitMeansUnlimited() throws Exception {
        try (CodegenSimulator sim = CodegenSimulator.start(TestScenarios.basic())) {
            for (int i = 0; i < 80; i++) {
                assertEquals(200, get(sim, RUN).statusCode());
            }
        }
    }
}
