package io.codegenagentlogs.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The client the API's documentation suggests, for comparison: poll the run's status until it is
 * terminal, then page the logs from {@code skip=0} until a short page. It has no limiter of its own;
 * on a 429 it waits what {@code Retry-After} says (or a second) and asks again.
 */
final class NaiveClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;
    private final Duration pollInterval;
    int requests;
    int rateLimited;
    long entries;

    NaiveClient(String baseUrl, String token, Duration pollInterval) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.pollInterval = pollInterval;
    }

    /** Follows the run to its end; returns the number of entries read. */
    long follow(long org, long run) throws IOException, InterruptedException {
        String runPath = "/v1/organizations/" + org + "/agent/run/" + run;
        while (true) {
            JsonObject r = get(runPath);
            String status = r.get("status").isJsonNull() ? "" : r.get("status").getAsString().toUpperCase(java.util.Locale.ROOT);
            if (status.equals("COMPLETE") || status.equals("COMPLETED") || status.equals("FAILED") || status.equals("ERROR")
                    || status.equals("CANCELLED")) {
                break;
            }
            Thread.sleep(pollInterval.toMillis());
        }
        long skip = 0;
        while (true) {
            JsonObject page = get(runPath + "/logs?skip=" + skip + "&limit=100");
            int n = page.getAsJsonArray("logs").size();
            skip += n;
            if (n < 100) {
                entries = skip;
                return skip;
            }
        }
    }

    private JsonObject get(String path) throws IOException, InterruptedException {
        while (true) {
            requests++;
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 429) {
                rateLimited++;
                long seconds = r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                Thread.sleep(Math.max(1, seconds) * 1000);
                continue;
            }
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode() + " for " + path);
            }
            return JsonParser.parseString(r.body()).getAsJsonObject();
        }
    }
}
