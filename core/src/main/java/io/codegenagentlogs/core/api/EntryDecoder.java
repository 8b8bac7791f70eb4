package io.codegenagentlogs.core.api;

import com.google.gson.JsonParseException;
import java.io.IOException;

/** Decodes one log entry from its JSON object text, keeping that text as the entry's raw form. */
public final class EntryDecoder {
    private EntryDecoder() {
    }

    /**
     * Reads the entry the way the page decoder does (no tree, any depth).
     *
     * @throws JsonParseException when the text is not one JSON object, with what is wrong and where
     */
    public static LogEntry decode(String rawJson) {
        try {
            return EntryReader.fromText(rawJson);
        } catch (IOException e) {
            throw new JsonParseException("not a log entry: " + e.getMessage(), e);
        }
    }
}
