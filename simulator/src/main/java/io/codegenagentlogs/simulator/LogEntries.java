package io.codegenagentlogs.simulator;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/** Prepares one log entry's raw JSON text for serving, changing the text only where the API demands it. */
final class LogEntries {
    private LogEntries() {
    }

    /**
     * Checks that {@code raw} is one JSON object and returns it unchanged, except that an entry without
     * {@code agent_run_id} (required by the schema) gets it inserted right after its opening brace.
     * Values may nest to any depth (a test serves one 100,000 levels deep): the check streams.
     */
    static String normalize(String raw, long runId) {
        boolean hasRunId = false;
        boolean empty = true;
        try (JsonReader reader = new JsonReader(new StringReader(raw))) {
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(Integer.MAX_VALUE);
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw new IllegalArgumentException("log entry must be a JSON object, got: " + abbreviate(raw));
            }
            reader.beginObject();
            while (reader.hasNext()) {
                empty = false;
                hasRunId |= reader.nextName().equals("agent_run_id");
                reader.skipValue();
            }
            reader.endObject();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("log entry is not valid JSON: unexpected text after the object");
            }
        } catch (IOException | IllegalStateException e) {
            throw new IllegalArgumentException("log entry is not valid JSON: " + e.getMessage(), e);
        }
        if (hasRunId) {
            return raw;
        }
        String trimmed = raw.strip();
        return "{\"agent_run_id\":" + runId + (empty ? "" : ",") + trimmed.substring(1);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
