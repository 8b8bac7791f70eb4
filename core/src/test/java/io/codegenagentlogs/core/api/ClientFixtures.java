package io.codegenagentlogs.core.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Helpers shared by the client tests: a client on a MockWebServer, pages, and a recording observer. */
final class ClientFixtures {
    static final String TOKEN = "test-token-5b1f";

    private ClientFixtures() {
    }

    static CodegenApiClient client(MockWebServer server, RetryPolicy retry) {
        return CodegenApiClient.builder()
                .baseUrl(server.url("/").toString())
                .token(ApiToken.of(TOKEN))
                .rateLimiter(new RateLimiter(new RateLimit(1000, Duration.ofSeconds(1)), TimeSource.SYSTEM))
                .retryPolicy(retry)
                .timeouts(Duration.ofSeconds(2), Duration.ofMillis(500))
                .build();
    }

    static RetryPolicy fastRetries(int attempts) {
        return RetryPolicy.of(attempts, Duration.ofMillis(10), Duration.ofMillis(40));
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    static String page(String status, long total, String... rawEntries) {
        return "{\"id\":12345,\"organization_id\":67890,\"status\":\"" + status + "\",\"web_url\":\"https://app.codegen.com/agent/trace/12345\","
                + "\"logs\":[" + String.join(",", rawEntries) + "],\"total_logs\":" + total + ",\"page\":1,\"size\":100,\"pages\":1}";
    }

    static String entry(String type, String thought) {
        return "{\"agent_run_id\":12345,\"created_at\":\"2024-01-15T10:30:15Z\",\"message_type\":\"" + type
                + "\",\"thought\":\"" + thought + "\",\"observation\":null}";
    }

    static LogPage fetch(CodegenApiClient client, long skip, Recorder rec) throws Exception {
        return client.fetchLogs(67890, 12345, skip, 100, Long.MAX_VALUE, rec, new CancelSignal());
    }

    /** Records what the client reports about its attempts. */
    static final class Recorder implements FetchObserver {
        final List<String> events = new ArrayList<>();
        final List<Duration> delays = new ArrayList<>();
        int sent;
        int rateLimited;

        @Override
        public void onRequestSent(boolean retry) {
            sent++;
        }

        @Override
        public void onRateLimited() {
            rateLimited++;
        }

        @Override
        public void onRetry(String reason, int attempt, Duration delay) {
            events.add(reason);
            delays.add(delay);
        }
    }
}
