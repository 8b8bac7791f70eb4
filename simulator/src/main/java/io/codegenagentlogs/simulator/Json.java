package io.codegenagentlogs.simulator;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/** Shared JSON helpers: one Gson setup so every body the simulator writes escapes text the same way. */
final class Json {
    /** HTML escaping off: agent text must reach clients as written, not as \u003c sequences. */
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private Json() {
    }

    /** A JSON string literal for {@code text}, or {@code null} for null. */
    static String quote(String text) {
        return GSON.toJson(text);
    }

    /**
     * Parses strictly: Gson's default leniency accepts comments and unquoted words, which the raw-text
     * scanner ({@link RawJson}) and real clients do not.
     */
    static JsonElement parseStrict(String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonSyntaxException("unexpected text after the JSON value at " + reader.getPath());
            }
            return element;
        } catch (IOException e) {
            throw new JsonSyntaxException(e.getMessage(), e);
        }
    }
}
