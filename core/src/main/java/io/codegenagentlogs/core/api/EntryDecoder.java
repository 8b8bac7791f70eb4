package io.codegenagentlogs.core.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** Decodes one log entry from its JSON object text, keeping that text as the entry's raw form. */
public final class EntryDecoder {
    private EntryDecoder() {
    }

    /**
     * @throws JsonParseException when the text is not a JSON object
     */
    public static LogEntry decode(String rawJson) {
        JsonElement tree = JsonParser.parseString(rawJson);
        if (!tree.isJsonObject()) {
            throw new JsonParseException("a log entry must be a JSON object, got: " + OneLine.of(rawJson, 80));
        }
        JsonObject o = tree.getAsJsonObject();
        return LogEntry.builder()
                .rawJson(rawJson)
                .agentRunId(longOr(o.get("agent_run_id"), 0))
                .createdAt(JsonText.of(o.get("created_at")))
                .messageType(JsonText.of(o.get("message_type")))
                .toolName(JsonText.of(o.get("tool_name")))
                .thought(JsonText.of(o.get("thought")))
                .observation(o.get("observation"))
                .toolInput(o.get("tool_input"))
                .toolOutput(o.get("tool_output"))
                .build();
    }

    static long longOr(JsonElement e, long fallback) {
        if (e == null || !e.isJsonPrimitive()) {
            return fallback;
        }
        try {
            return e.getAsJsonPrimitive().getAsLong();
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }
}
