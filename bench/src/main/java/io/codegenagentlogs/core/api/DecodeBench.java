package io.codegenagentlogs.core.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.codegenagentlogs.simulator.CodegenSimulator;
import io.codegenagentlogs.simulator.Scenario;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Target 6: decoding one 100-entry page, ours (streaming, each entry kept as its raw JSON, no tree)
 * beside Gson's tree parse of the same bytes. Pages as the simulator serves them: realistic entries
 * (~400 bytes each), and entries with 64 KiB tool outputs. In this package because the decoder is
 * package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBench {
    @Param({"realistic", "large"})
    public String page;

    byte[] bytes;

    @Setup(Level.Trial)
    public void fetch() throws Exception {
        bytes = page(page.equals("large") ? 65536 : 0);
    }

    /** One page of 100 entries as the simulator serves it. */
    public static byte[] page(int entryBytes) throws IOException, InterruptedException {
        String json = "{\"runs\":[{\"id\":7,\"organization_id\":1,\"status\":\"COMPLETE\",\"generate\":{\"count\":100,\"seed\":11"
                + ",\"error_every\":17,\"entry_bytes\":" + entryBytes + "}}]}";
        try (CodegenSimulator sim = CodegenSimulator.start(Scenario.fromJson(json))) {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(sim.baseUrl() + "/v1/organizations/1/agent/run/7/logs?limit=100"))
                    .header("Authorization", "Bearer sim-token").build(), HttpResponse.BodyHandlers.ofByteArray());
            return r.body();
        }
    }

    @Benchmark
    public LogPage ours() throws IOException {
        return PageDecoder.decode(new ByteArrayInputStream(bytes), 1, 7);
    }

    @Benchmark
    public JsonElement gsonTree() throws IOException {
        try (InputStreamReader in = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(in);
        }
    }

    /** Our decode, then every accessor a gate and a report use, the tree ones included (parsed lazily). */
    @Benchmark
    public int oursThenEveryAccessor() throws IOException {
        int n = 0;
        for (LogEntry e : PageDecoder.decode(new ByteArrayInputStream(bytes), 1, 7).logs()) {
            n += e.normalizedType().length() + (e.headline() == null ? 0 : 1) + (e.toolOutput() == null ? 0 : 1)
                    + (e.observation() == null ? 0 : 1) + (e.createdAt() == null ? 0 : 1);
        }
        return n;
    }
}
