package io.codegenagentlogs.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * One object of a scenario file, read with typed getters whose errors name the field's path
 * (e.g. {@code runs[0].stages[2].after_ms}), so a scenario author sees where the file is wrong.
 */
final class ScenarioObject {
    private final JsonObject json;
    private final String path;

    ScenarioObject(JsonElement element, String path) {
        if (element == null || !element.isJsonObject()) {
            throw new IllegalArgumentException(describe(path) + ": expected an object");
        }
        this.json = element.getAsJsonObject();
        this.path = path;
    }

    /** Rejects fields outside {@code allowed}: a misspelt field would otherwise be silently ignored. */
    ScenarioObject allow(String... allowed) {
        Set<String> known = Set.of(allowed);
        for (String key : json.keySet()) {
            if (!known.contains(key)) {
                throw fail(key, "unknown field; expected one of " + new TreeSet<>(Arrays.asList(allowed)));
            }
        }
        return this;
    }

    boolean has(String key) {
        return json.has(key);
    }

    JsonElement element(String key) {
        return json.get(key);
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** An integer field; {@code fallback} null makes it required. */
    long integer(String key, Long fallback, long min, long max) {
        JsonElement value = json.get(key);
        if (value == null) {
            if (fallback == null) {
                throw fail(key, "is required");
            }
            return fallback;
        }
        long number;
        try {
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
                throw new ArithmeticException();
            }
            number = new BigDecimal(value.getAsString()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw fail(key, "expected an integer, got " + value);
        }
        if (number < min || number > max) {
            throw fail(key, "must be between " + min + " and " + max + ", got " + number);
        }
        return number;
    }

    /** A string field that may be absent (giving {@code fallback}) or JSON null (giving null). */
    String string(String key, String fallback) {
        JsonElement value = json.get(key);
        if (value == null) {
            return fallback;
        }
        if (value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw fail(key, "expected a string, got " + value);
        }
        return value.getAsString();
    }

    /** An array field; absent means empty. */
    JsonArray array(String key) {
        JsonElement value = json.get(key);
        if (value == null) {
            return new JsonArray();
        }
        if (!value.isJsonArray()) {
            throw fail(key, "expected an array");
        }
        return value.getAsJsonArray();
    }

    IllegalArgumentException fail(String key, String problem) {
        return new IllegalArgumentException(pathOf(key) + ": " + problem);
    }

    private static String describe(String path) {
        return path.isEmpty() ? "top level" : path;
    }
}
