package io.codegenagentlogs.core.api;

import com.google.gson.JsonElement;
import java.time.Instant;
import java.util.Locale;

/**
 * One agent-run log entry. The parsed fields serve the console, the gate and the report; the raw
 * JSON text is kept as received so that the NDJSON file loses nothing, not even unknown fields.
 *
 * <p>The {@link JsonElement} values belong to this entry: treat them as read-only.
 */
public final class LogEntry {
    private final String rawJson;
    private final long agentRunId;
    private final String createdAtText;
    private final Instant createdAt;
    private final String messageType;
    private final String normalizedType;
    private final String toolName;
    private final String thought;
    private final JsonElement observation;
    private final JsonElement toolInput;
    private final JsonElement toolOutput;

    private LogEntry(Builder b) {
        this.rawJson = b.rawJson;
        this.agentRunId = b.agentRunId;
        this.createdAtText = b.createdAtText;
        this.createdAt = Timestamps.parseOrNull(b.createdAtText);
        this.messageType = b.messageType;
        this.normalizedType = b.messageType == null || b.messageType.isBlank()
                ? "UNKNOWN" : b.messageType.trim().toUpperCase(Locale.ROOT);
        this.toolName = b.toolName;
        this.thought = b.thought;
        this.observation = b.observation;
        this.toolInput = b.toolInput;
        this.toolOutput = b.toolOutput;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The entry's JSON object exactly as it arrived on the wire. */
    public String rawJson() {
        return rawJson;
    }

    public long agentRunId() {
        return agentRunId;
    }

    /** {@code created_at} as sent, or null. */
    public String createdAtText() {
        return createdAtText;
    }

    /** {@code created_at} parsed (a value without zone is UTC), or null when absent or unreadable. */
    public Instant createdAt() {
        return createdAt;
    }

    /** The message type exactly as sent (may be a value never seen before), or null. */
    public String messageType() {
        return messageType;
    }

    /** The message type upper-cased for comparison; "UNKNOWN" when absent. */
    public String normalizedType() {
        return normalizedType;
    }

    public String toolName() {
        return toolName;
    }

    public String thought() {
        return thought;
    }

    /** An object, a string, or null. */
    public JsonElement observation() {
        return observation;
    }

    public JsonElement toolInput() {
        return toolInput;
    }

    public JsonElement toolOutput() {
        return toolOutput;
    }

    /** The observation as text: a JSON string's value, an object's compact JSON, or null. */
    public String observationText() {
        return JsonText.of(observation);
    }

    /**
     * The most telling human text of the entry: for ERROR, FINAL_ANSWER and PR_CREATION_FAILED the
     * observation (where the API puts the error or the answer), else the thought; then whichever
     * of thought, observation and tool output is present.
     */
    public String headline() {
        // The observation may be a large object: turn it into text only when it is the answer.
        if (OBSERVATION_FIRST.contains(normalizedType)) {
            String obs = observationText();
            if (obs != null && !obs.isBlank()) {
                return obs;
            }
        }
        if (thought != null && !thought.isBlank()) {
            return thought;
        }
        String obs = observationText();
        if (obs != null && !obs.isBlank()) {
            return obs;
        }
        return JsonText.of(toolOutput);
    }

    private static final java.util.Set<String> OBSERVATION_FIRST = java.util.Set.of("ERROR", "FINAL_ANSWER", "PR_CREATION_FAILED");

    @Override
    public String toString() {
        return "LogEntry{" + normalizedType() + (toolName == null ? "" : " " + toolName) + " @" + createdAtText + "}";
    }

    /** Builds entries for the decoder and for tests. */
    public static final class Builder {
        private String rawJson;
        private long agentRunId;
        private String createdAtText;
        private String messageType;
        private String toolName;
        private String thought;
        private JsonElement observation;
        private JsonElement toolInput;
        private JsonElement toolOutput;

        public Builder rawJson(String rawJson) { this.rawJson = rawJson; return this; }
        public Builder agentRunId(long id) { this.agentRunId = id; return this; }
        public Builder createdAt(String text) { this.createdAtText = text; return this; }
        public Builder messageType(String type) { this.messageType = type; return this; }
        public Builder toolName(String name) { this.toolName = name; return this; }
        public Builder thought(String thought) { this.thought = thought; return this; }
        public Builder observation(JsonElement e) { this.observation = JsonText.nullIfJsonNull(e); return this; }
        public Builder toolInput(JsonElement e) { this.toolInput = JsonText.nullIfJsonNull(e); return this; }
        public Builder toolOutput(JsonElement e) { this.toolOutput = JsonText.nullIfJsonNull(e); return this; }

        public LogEntry build() {
            if (rawJson == null) {
                throw new IllegalStateException("rawJson is required: the entry must be kept as received");
            }
            return new LogEntry(this);
        }
    }
}
