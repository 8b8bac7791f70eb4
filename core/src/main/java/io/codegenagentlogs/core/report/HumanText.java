package io.codegenagentlogs.core.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.codegenagentlogs.core.api.LogEntry;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an entry says, as a person would read it rather than as JSON. An object observation like
 * {@code {"error": "Command failed", "stderr": "..."}} reads as its {@code error} text, then its other
 * fields as {@code key: value} lines, line breaks kept; a string observation reads as itself.
 *
 * <p>The text is as sent (agent-controlled): renderers escape it, {@link SafeText} cleans it.
 */
public final class HumanText {
    /** Fields that carry the message of an object, in the order they are preferred. */
    static final List<String> MESSAGE_FIELDS = List.of("error", "message", "summary", "detail", "reason", "description",
            "body", "text", "result");
    /** The observations of these types hold the error or the answer: they go before the thought. */
    private static final Set<String> OBSERVATION_FIRST = Set.of("ERROR", "FINAL_ANSWER", "PR_CREATION_FAILED");
    /** How deep a value is followed; deeper parts read as "{…}" or "[…]". */
    private static final int MAX_DEPTH = 3;
    /** The most characters built for one text; callers cut further. */
    static final int MAX_CHARS = 16 * 1024;

    private HumanText() {
    }

    /**
     * The one message of a value: a string's text, an object's first {@link #MESSAGE_FIELDS} field
     * (followed into a nested {@code {"error": {"message": ...}}}), else the whole value as
     * {@code key: value; key: value}; null for null.
     */
    public static String message(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            String field = messageField(o);
            if (field != null) {
                JsonElement v = o.get(field);
                return v.isJsonObject() ? message(v) : scalarOrCompact(v);
            }
        }
        return scalarOrCompact(e);
    }

    /**
     * All of a value as text: the message first, then every other field of an object as a
     * {@code key: value} line (multi-line values keep their lines); null for null.
     */
    public static String full(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            String field = messageField(o);
            if (field != null) {
                JsonElement v = o.get(field);
                sb.append(v.isJsonObject() ? message(v) : scalarOrCompact(v));
            }
            for (Map.Entry<String, JsonElement> f : o.entrySet()) {
                if (sb.length() >= MAX_CHARS) {
                    break;
                }
                if (f.getKey().equals(field) || f.getValue() == null || f.getValue().isJsonNull()) {
                    continue;
                }
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(f.getKey()).append(": ");
                inline(f.getValue(), sb, 1);
            }
        } else {
            inline(e, sb, 0);
        }
        return cut(sb);
    }

    /**
     * The entry's most telling text, on one logical line or several: for ERROR, FINAL_ANSWER and
     * PR_CREATION_FAILED the observation's message, else the thought, then whichever of observation
     * and tool output is present. Null when the entry says nothing.
     */
    public static String headline(LogEntry entry) {
        if (OBSERVATION_FIRST.contains(entry.normalizedType())) {
            String obs = message(entry.observation());
            if (!isBlank(obs)) {
                return obs;
            }
        }
        if (!isBlank(entry.thought())) {
            return entry.thought();
        }
        String obs = message(entry.observation());
        if (!isBlank(obs)) {
            return obs;
        }
        return message(entry.toolOutput());
    }

    /** The whole observation as text (see {@link #full}), else the headline. */
    public static String detail(LogEntry entry) {
        String obs = full(entry.observation());
        return isBlank(obs) ? headline(entry) : obs;
    }

    private static String messageField(JsonObject o) {
        for (String name : MESSAGE_FIELDS) {
            JsonElement v = o.get(name);
            if (v == null || v.isJsonNull()) {
                continue;
            }
            if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString() && !v.getAsString().isBlank()) {
                return name;
            }
            if (v.isJsonObject() && messageField(v.getAsJsonObject()) != null) {
                return name;
            }
        }
        return null;
    }

    private static String scalarOrCompact(JsonElement v) {
        StringBuilder sb = new StringBuilder();
        inline(v, sb, 0);
        return cut(sb);
    }

    /** A value in words: strings as themselves, arrays as "a, b", objects as "key: value; key: value". */
    private static void inline(JsonElement v, StringBuilder sb, int depth) {
        if (sb.length() >= MAX_CHARS) {
            return;
        }
        if (v == null || v.isJsonNull()) {
            sb.append("null");
        } else if (v.isJsonPrimitive()) {
            JsonPrimitive p = v.getAsJsonPrimitive();
            sb.append(p.isString() ? p.getAsString() : p.toString());
        } else if (depth >= MAX_DEPTH) {
            sb.append(v.isJsonArray() ? "[…]" : "{…}");
        } else if (v.isJsonArray()) {
            JsonArray a = v.getAsJsonArray();
            for (int i = 0; i < a.size() && sb.length() < MAX_CHARS; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                boolean nested = a.get(i).isJsonObject();
                sb.append(nested ? "(" : "");
                inline(a.get(i), sb, depth + 1);
                sb.append(nested ? ")" : "");
            }
        } else {
            boolean first = true;
            for (Map.Entry<String, JsonElement> f : v.getAsJsonObject().entrySet()) {
                if (sb.length() >= MAX_CHARS) {
                    break;
                }
                sb.append(first ? "" : "; ").append(f.getKey()).append(": ");
                inline(f.getValue(), sb, depth + 1);
                first = false;
            }
        }
    }

    private static String cut(StringBuilder sb) {
        return sb.length() > MAX_CHARS ? SummaryAccumulator.cut(sb.toString(), MAX_CHARS) + "…" : sb.toString();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
