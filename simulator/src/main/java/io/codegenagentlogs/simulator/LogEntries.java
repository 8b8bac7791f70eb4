package io.codegenagentlogs.simulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonSyntaxException;

/** Prepares one log entry's raw JSON text for serving, changing the text only where the API demands it. */
final class LogEntries {
    private LogEntries() {
    }

    /**
     * Checks that {@code raw} is one JSON object and returns it unchanged, except that an entry without
     * {@code agent_run_id} (required by the schema) gets it inserted right after its opening brace.
     */
    static String normalize(String raw, long runId) {
        JsonElement parsed;
        try {
            parsed = Json.parseStrict(raw);
        } catch (JsonSyntaxException e) {
            throw new IllegalArgumentException("log entry is not valid JSON: " + e.getMessage(), e);
        }
        if (!parsed.isJsonObject()) {
            throw new IllegalArgumentException("log entry must be a JSON object, got: " + abbreviate(raw));
        }
        if (parsed.getAsJsonObject().has("agent_run_id")) {
            return raw;
        }
        String trimmed = raw.strip();
        String separator = parsed.getAsJsonObject().size() == 0 ? "" : ",";
        return "{\"agent_run_id\":" + runId + separator + trimmed.substring(1);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
