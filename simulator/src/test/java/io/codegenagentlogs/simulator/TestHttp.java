package io.codegenagentlogs.simulator;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client for the tests, plus the paths and token they use. */
final class TestHttp {
    static final String TOKEN = "sim-token";
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestHttp() {
    }

    static String logsPath(long orgId, long runId) {
        return "/v1/organizations/" + orgId + "/agent/run/" + runId + "/logs";
    }

    static String alphaLogsPath(long orgId, long runId) {
        return "/v1/alpha/organizations/" + orgId + "/agent/run/" + runId + "/logs";
    }

    /** GET with the default token. */
    static HttpResponse<String> get(CodegenSimulator sim, String pathAndQuery) throws IOException, InterruptedException {
        return get(sim, pathAndQuery, "Bearer " + TOKEN);
    }

    /** GET with the given Authorization header value, or none for null. */
    static HttpResponse<String> get(CodegenSimulator sim, String pathAndQuery, String authorization)
            throws IOException, InterruptedException {
        return send(request(sim, pathAndQuery, authorization).GET().build());
    }

    static HttpRequest.Builder request(CodegenSimulator sim, String pathAndQuery, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }
}
