package io.codegenagentlogs.core.api;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Helpers shared by the client tests: a client on a MockWebServer, pages, one fetch. */
final class ClientFixtures {
    static final String TOKEN = "test-token-5b1f";

    private ClientFixtures() {
    }

    static CodegenApiClient client(MockWebServer server) {
        return client(server.url("/").toString());
    }

    static CodegenApiClient client(String baseUrl) {
        return CodegenApiClient.builder()
                .baseUrl(baseUrl)
                .token(ApiToken.of(TOKEN))
                .rateLimiter(new RateLimiter(new RateLimit(1000, Duration.ofSeconds(1)), TimeSource.SYSTEM))
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .build();
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

    static FetchResult fetch(CodegenApiClient client, long skip) throws InterruptedException {
        return client.fetch(67890, 12345, skip, 100, new CancelSignal());
    }

    /** The failure of a fetch that must fail. */
    static FetchFailure failure(CodegenApiClient client) throws InterruptedException {
        FetchResult r = fetch(client, 0);
        if (r.ok()) {
            throw new AssertionError("expected a failure, got a page");
        }
        return r.failure();
    }
}
