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
                .createdAt(text(o.get("created_at")))
                .messageType(text(o.get("message_type")))
                .toolName(text(o.get("tool_name")))
                .thought(text(o.get("thought")))
                .observation(o.get("observation"))
                .toolInput(o.get("tool_input"))
                .toolOutput(o.get("tool_output"))
                .build();
    }

    /** A scalar's text (numbers and booleans too, since the schema's strings are not always strings); null otherwise. */
    static String text(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
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
