package io.codegenagentlogs.core.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.StringJoiner;

/**
 * Reads the two error shapes Codegen sends: {@code {"message": ..., "status_code": N}} and
 * FastAPI's {@code {"detail": ...}} (a string, or a list of {@code {loc, msg, type}}).
 */
final class ErrorBodies {
    /** FastAPI's answer for a route that does not exist, as opposed to a run that does not. */
    private ErrorBodies() {
    }

    /** The server's own words, or null when the body says nothing readable. */
    static String message(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonElement tree;
        try {
            tree = JsonParser.parseString(body);
        } catch (RuntimeException notJson) {
            return null;
        }
        if (!tree.isJsonObject()) {
            return null;
        }
        JsonObject o = tree.getAsJsonObject();
        JsonElement message = o.get("message");
        if (message != null && message.isJsonPrimitive()) {
            return message.getAsString();
        }
        JsonElement detail = o.get("detail");
        if (detail == null || detail.isJsonNull()) {
            return null;
        }
        if (detail.isJsonPrimitive()) {
            return detail.getAsString();
        }
        if (detail.isJsonArray()) {
            return validationErrors(detail.getAsJsonArray());
        }
        return detail.toString();
    }

    private static String validationErrors(JsonArray errors) {
        StringJoiner out = new StringJoiner("; ");
        for (JsonElement e : errors) {
            if (e.isJsonObject()) {
                JsonObject o = e.getAsJsonObject();
                String loc = o.has("loc") ? locText(o.get("loc")) : "";
                String msg = o.has("msg") ? JsonText.of(o.get("msg")) : e.toString();
                out.add(loc.isEmpty() ? msg : loc + ": " + msg);
            } else {
                out.add(e.toString());
            }
        }
        return out.toString();
    }

    private static String locText(JsonElement loc) {
        if (!loc.isJsonArray()) {
            return JsonText.of(loc);
        }
        StringJoiner path = new StringJoiner(".");
        loc.getAsJsonArray().forEach(p -> path.add(JsonText.of(p)));
        return path.toString();
    }

    /** True for the run-level 404 ({@code {"message": "Agent run not found.", ...}}): the path exists, the run does not. */
    static boolean isRunNotFound(String body) {
        if (body == null) {
            return false;
        }
        try {
            JsonElement tree = JsonParser.parseString(body);
            return tree.isJsonObject() && tree.getAsJsonObject().has("message");
        } catch (RuntimeException notJson) {
            return false;
        }
    }
}
