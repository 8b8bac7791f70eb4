package io.codegenagentlogs.core.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * One agent-run log entry. The raw JSON text is kept exactly as received, so that the NDJSON file
 * loses nothing, not even unknown fields; the few scalars a gate needs (type, tool, time, thought)
 * are read once when the entry is decoded.
 *
 * <p>The structured values ({@link #observation()}, {@link #toolInput()}, {@link #toolOutput()})
 * are not parsed when the entry is decoded: each is parsed from the raw text the first time it is
 * asked for. A value nested deeper than {@link #MAX_TREE_DEPTH} levels is not turned into a tree (a
 * tree that deep would overflow the stack of whoever walks it): it comes back as a
 * {@link JsonPrimitive} string holding the value's JSON text, so text views still show it. The text
 * accessors ({@link #observationText()}, {@link #headline()}) never build a tree at all.
 *
 * <p>The {@link JsonElement} values belong to this entry: treat them as read-only. An entry is meant
 * for one thread at a time (a watcher hands it to its listeners in turn).
 */
public final class LogEntry {
    /** The deepest value the tree accessors build; deeper ones come back as their JSON text. */
    public static final int MAX_TREE_DEPTH = 512;

    private static final Set<String> OBSERVATION_FIRST = Set.of("ERROR", "FINAL_ANSWER", "PR_CREATION_FAILED");

    private final String rawJson;
    private final long agentRunId;
    private final String createdAtText;
    /** Parsed on first use: the gate itself never needs it. */
    private Instant createdAt;
    private boolean createdAtParsed;
    private final String messageType;
    private final String normalizedType;
    private final String toolName;
    private final String thought;
    private final Value observation;
    private final Value toolInput;
    private final Value toolOutput;

    LogEntry(String rawJson, long agentRunId, String createdAtText, String messageType, String toolName, String thought,
            Value observation, Value toolInput, Value toolOutput) {
        this.rawJson = rawJson;
        this.agentRunId = agentRunId;
        this.createdAtText = createdAtText;
        this.messageType = messageType;
        this.normalizedType = messageType == null || messageType.isBlank()
                ? "UNKNOWN" : messageType.trim().toUpperCase(Locale.ROOT);
        this.toolName = toolName;
        this.thought = thought;
        this.observation = observation;
        this.toolInput = toolInput;
        this.toolOutput = toolOutput;
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
        if (!createdAtParsed) {
            createdAt = Timestamps.parseOrNull(createdAtText);
            createdAtParsed = true;
        }
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

    /** An object, a string, or null; parsed on first use (see the class comment for deep values). */
    public JsonElement observation() {
        return observation.tree(rawJson);
    }

    /** Parsed on first use (see the class comment for deep values); null when absent or JSON null. */
    public JsonElement toolInput() {
        return toolInput.tree(rawJson);
    }

    /** Parsed on first use (see the class comment for deep values); null when absent or JSON null. */
    public JsonElement toolOutput() {
        return toolOutput.tree(rawJson);
    }

    /** The observation as text: a JSON string's value, any other value's JSON text, or null. Builds no tree. */
    public String observationText() {
        return observation.text(rawJson);
    }

    /**
     * The most telling human text of the entry: for ERROR, FINAL_ANSWER and PR_CREATION_FAILED the
     * observation (where the API puts the error or the answer), else the thought; then whichever
     * of thought, observation and tool output is present. Builds no tree.
     */
    public String headline() {
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
        return toolOutput.text(rawJson);
    }

    @Override
    public String toString() {
        return "LogEntry{" + normalizedType() + (toolName == null ? "" : " " + toolName) + " @" + createdAtText + "}";
    }

    /**
     * One structured value of the entry: given as a tree (built entries), or a span of the raw text
     * (decoded entries) parsed the first time it is asked for. Absent and JSON null are the same.
     */
    static final class Value {
        static final Value ABSENT = new Value(null, -1, -1);

        private final int start;
        private final int end;
        private JsonElement tree;
        private boolean parsed;

        private Value(JsonElement tree, int start, int end) {
            this.tree = tree;
            this.parsed = tree != null || start < 0;
            this.start = start;
            this.end = end;
        }

        static Value of(JsonElement tree) {
            return tree == null || tree.isJsonNull() ? ABSENT : new Value(tree, -1, -1);
        }

        /** The value at chars {@code [start, end)} of the raw text (never JSON null: that is {@link #ABSENT}). */
        static Value span(int start, int end) {
            return new Value(null, start, end);
        }

        JsonElement tree(String raw) {
            if (!parsed) {
                tree = parse(raw.substring(start, end));
                parsed = true;
            }
            return tree;
        }

        String text(String raw) {
            if (start < 0) {
                return JsonText.of(tree);
            }
            if (raw.charAt(start) != '"') {
                return raw.substring(start, end);
            }
            try {
                return new JsonScanner(raw.substring(start, end).getBytes(java.nio.charset.StandardCharsets.UTF_8)).readString();
            } catch (IOException impossible) {
                // the decoder checked this string already
                return raw.substring(start + 1, end - 1);
            }
        }

        /** A tree for values up to {@link #MAX_TREE_DEPTH} deep, else the JSON text as a string primitive. */
        private static JsonElement parse(String json) {
            try (JsonReader reader = new JsonReader(new StringReader(json))) {
                reader.setNestingLimit(MAX_TREE_DEPTH);
                return JsonParser.parseReader(reader);
            } catch (IOException | JsonParseException tooDeepOrOdd) {
                return new JsonPrimitive(json);
            }
        }
    }

    /** Builds entries for tests and for surfaces that make entries of their own. */
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
        public Builder observation(JsonElement e) { this.observation = e; return this; }
        public Builder toolInput(JsonElement e) { this.toolInput = e; return this; }
        public Builder toolOutput(JsonElement e) { this.toolOutput = e; return this; }

        public LogEntry build() {
            if (rawJson == null) {
                throw new IllegalStateException("rawJson is required: the entry must be kept as received");
            }
            return new LogEntry(rawJson, agentRunId, createdAtText, messageType, toolName, thought,
                    Value.of(observation), Value.of(toolInput), Value.of(toolOutput));
        }
    }
}
