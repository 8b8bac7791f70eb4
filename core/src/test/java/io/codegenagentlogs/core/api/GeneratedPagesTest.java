package io.codegenagentlogs.core.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.codegenagentlogs.core.hostile.HostileCorpus;
import io.codegenagentlogs.core.hostile.JsonWire;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import mockwebserver3.MockWebServer;
import org.junit.Test;

/**
 * Property-based conformance: pages generated from the schemas of Codegen's OpenAPI document (random
 * nulls and absent optional fields, observation as object, string or null, extra fields, boundary
 * integers, hostile strings), each checked against the schema first, are served over a real socket
 * and fetched through the client's public API; every entry must come back exactly as sent, its fields
 * decoded without loss. Seeded: {@code -Dconformance.seed=N} replays a failure.
 */
public class GeneratedPagesTest {
    private static final Path OPENAPI = Path.of("..", "simulator", "src", "test", "resources", "openapi", "codegen-openapi3.json");
    private static final long[] BOUNDARY = {0, 1, Integer.MAX_VALUE, 1L << 31, (1L << 53) + 1, Long.MAX_VALUE};
    private static final List<HostileCorpus.Payload> TEXTS = HostileCorpus.small(HostileCorpus.NO_BEACON);
    private static final int PAGES = Integer.getInteger("conformance.pages", 60);

    @Test
    public void generatedPagesConformAndDecodeWithoutLoss() throws Exception {
        long seed = Long.getLong("conformance.seed", System.currentTimeMillis());
        Random random = new Random(seed);
        Schema schema = schema("AgentRunWithLogsResponse");
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            CodegenApiClient client = ClientFixtures.client(server);
            for (int i = 0; i < PAGES; i++) {
                String where = "seed " + seed + " (replay with -Dconformance.seed=" + seed + "), page " + i;
                List<JsonObject> entries = new ArrayList<>();
                int n = random.nextInt(6);
                for (int e = 0; e < n; e++) {
                    entries.add(entry(random));
                }
                List<String> raw = entries.stream().map(JsonWire::toJson).toList();
                String page = page(random, raw);
                assertEquals(where + ": the generated page follows the schema", List.of(), schema.validate(page, InputFormat.JSON));
                server.enqueue(ClientFixtures.json(200, page));
                FetchResult result = ClientFixtures.fetch(client, 0);
                assertTrue(where + ": " + (result.ok() ? "" : result.failure()), result.ok());
                List<LogEntry> got = result.page().logs();
                assertEquals(where, n, got.size());
                for (int e = 0; e < n; e++) {
                    assertEntry(where + ", entry " + e, entries.get(e), raw.get(e), got.get(e));
                }
            }
        }
    }

    private static void assertEntry(String where, JsonObject sent, String raw, LogEntry got) {
        assertEquals(where + ": raw JSON as sent", raw, got.rawJson());
        assertEquals(where + ": message_type", text(sent.get("message_type")), got.messageType());
        assertEquals(where + ": tool_name", text(sent.get("tool_name")), got.toolName());
        assertEquals(where + ": thought", text(sent.get("thought")), got.thought());
        assertEquals(where + ": created_at", text(sent.get("created_at")), got.createdAtText());
        assertJson(where + ": observation", sent.get("observation"), got.observation());
        assertJson(where + ": tool_input", sent.get("tool_input"), got.toolInput());
        assertJson(where + ": tool_output", sent.get("tool_output"), got.toolOutput());
    }

    private static void assertJson(String where, JsonElement sent, JsonElement got) {
        if (sent == null || sent.isJsonNull()) {
            assertNull(where, got);
        } else {
            assertEquals(where, JsonParser.parseString(JsonWire.toJson(sent)), got);
        }
    }

    private static String text(JsonElement e) {
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static String page(Random r, List<String> raw) {
        StringBuilder sb = new StringBuilder("{\"id\": 12345, \"organization_id\": 67890");
        for (String field : List.of("status", "created_at", "web_url", "result")) {
            optional(sb, r, field, () -> JsonWire.toJson(new JsonPrimitive(field.equals("status") ? pick(r, "ACTIVE", "RUNNING", "COMPLETE", "failed", "PAUSED", "") : string(r))));
        }
        optional(sb, r, "metadata", () -> JsonWire.toJson(object(r, 0)));
        for (String field : List.of("total_logs", "page", "size", "pages")) {
            optional(sb, r, field, () -> Long.toString(BOUNDARY[r.nextInt(BOUNDARY.length)]));
        }
        if (r.nextBoolean()) {
            sb.append(", \"extra_").append(r.nextInt(100)).append("\": ").append(JsonWire.toJson(value(r, 0)));
        }
        return sb.append(", \"logs\": [").append(String.join(", ", raw)).append("]}").toString();
    }

    /** Absent, null or a value. */
    private static void optional(StringBuilder sb, Random r, String name, java.util.function.Supplier<String> value) {
        switch (r.nextInt(3)) {
            case 0 -> { }
            case 1 -> sb.append(", \"").append(name).append("\": null");
            default -> sb.append(", \"").append(name).append("\": ").append(value.get());
        }
    }

    private static JsonObject entry(Random r) {
        JsonObject o = new JsonObject();
        o.add("agent_run_id", r.nextInt(4) == 0 ? new JsonPrimitive(new BigInteger(Long.toString(BOUNDARY[r.nextInt(BOUNDARY.length)])))
                : new JsonPrimitive(12345));
        for (String field : List.of("created_at", "tool_name", "message_type", "thought")) {
            switch (r.nextInt(3)) {
                case 0 -> { }
                case 1 -> o.add(field, JsonNull.INSTANCE);
                default -> o.addProperty(field, field.equals("message_type")
                        ? pick(r, "ACTION", "ERROR", "FINAL_ANSWER", "PR_CREATION_FAILED", "plan_evaluation", string(r)) : string(r));
            }
        }
        switch (r.nextInt(4)) {
            case 0 -> { }
            case 1 -> o.add("observation", JsonNull.INSTANCE);
            case 2 -> o.addProperty("observation", string(r));
            default -> o.add("observation", object(r, 0));
        }
        for (String field : List.of("tool_input", "tool_output")) {
            switch (r.nextInt(3)) {
                case 0 -> { }
                case 1 -> o.add(field, JsonNull.INSTANCE);
                default -> o.add(field, object(r, 0));
            }
        }
        int extra = r.nextInt(3);
        for (int i = 0; i < extra; i++) {
            o.add("unknown_" + r.nextInt(1000), value(r, 0));
        }
        return o;
    }

    private static JsonObject object(Random r, int depth) {
        JsonObject o = new JsonObject();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            o.add(key(r), value(r, depth + 1));
        }
        return o;
    }

    private static JsonElement value(Random r, int depth) {
        switch (depth > 3 ? r.nextInt(4) : r.nextInt(6)) {
            case 0:
                return JsonNull.INSTANCE;
            case 1:
                return new JsonPrimitive(string(r));
            case 2:
                return new JsonPrimitive(new BigInteger(Long.toString(BOUNDARY[r.nextInt(BOUNDARY.length)])));
            case 3:
                return new JsonPrimitive(r.nextBoolean());
            case 4: {
                JsonArray a = new JsonArray();
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    a.add(value(r, depth + 1));
                }
                return a;
            }
            default:
                return object(r, depth);
        }
    }

    /** A property name: the schema validator's parser refuses an unpaired surrogate in names (values are fine). */
    private static String key(Random r) {
        String k = string(r);
        return k.chars().anyMatch(c -> Character.isSurrogate((char) c)) ? "key_" + r.nextInt(1000) : k;
    }

    private static String string(Random r) {
        return r.nextInt(3) == 0 ? "" : TEXTS.get(r.nextInt(TEXTS.size())).text();
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }

    private static Schema schema(String name) throws Exception {
        JsonObject openApi = JsonParser.parseString(Files.readString(OPENAPI)).getAsJsonObject();
        String schemas = openApi.getAsJsonObject("components").getAsJsonObject("schemas").toString()
                .replace("\"#/components/schemas/", "\"#/$defs/");
        JsonObject root = new JsonObject();
        root.addProperty("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.addProperty("$ref", "#/$defs/" + name);
        root.add("$defs", JsonParser.parseString(schemas));
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root.toString());
    }
}
