package io.codegenagentlogs.core.hostile;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;

/**
 * JSON as a server would put it on the wire. Gson writes an unpaired surrogate as is, which UTF-8
 * cannot carry; a server can only send it as a {@code \\uD800} escape, so that is what this writes.
 */
public final class JsonWire {
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private JsonWire() {
    }

    public static String toJson(JsonElement e) {
        String json = GSON.toJson(e);
        StringBuilder sb = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))
                    : Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(json.charAt(i - 1));
            if (Character.isSurrogate(c) && !paired) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
