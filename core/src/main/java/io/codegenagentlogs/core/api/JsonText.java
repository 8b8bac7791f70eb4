package io.codegenagentlogs.core.api;

import com.google.gson.JsonElement;

/** Turns loosely typed JSON values (object, string or null) into display text. */
public final class JsonText {
    private JsonText() {
    }

    /** A JSON string's value, any other value's compact JSON, or null for absent/null. */
    public static String of(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return e.getAsString();
        }
        return e.toString();
    }
}
