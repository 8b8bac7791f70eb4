package io.codegenagentlogs.core.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes an {@code AgentRunWithLogsResponse}. A small scanner walks the top-level object so that
 * each entry of {@code logs} is cut out as the exact text it arrived as; Gson then reads each
 * entry and each scalar. Unknown fields are skipped.
 */
final class PageDecoder {
    private final String text;
    private int pos;

    private PageDecoder(String text) {
        this.text = text;
    }

    /**
     * @param requestedRunId used when the response does not say (the schema requires it, real servers vary)
     * @throws JsonParseException when the body is not a JSON object of the expected shape
     */
    static LogPage decode(String body, long requestedOrgId, long requestedRunId) {
        return new PageDecoder(body).page(requestedOrgId, requestedRunId);
    }

    private LogPage page(long orgId, long runId) {
        skipWhitespace();
        expect('{');
        long id = runId;
        long organizationId = orgId;
        String status = null;
        String createdAt = null;
        String webUrl = null;
        String result = null;
        Long totalLogs = null;
        List<LogEntry> logs = new ArrayList<>();
        boolean logsSeen = false;
        boolean logsNull = false;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                skipWhitespace();
                String key = readKey();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                if (key.equals("logs")) {
                    logsSeen = true;
                    logsNull = !readLogs(logs);
                } else {
                    int start = pos;
                    skipValue();
                    String raw = text.substring(start, pos);
                    switch (key) {
                        case "id" -> id = EntryDecoder.longOr(scalar(raw), runId);
                        case "organization_id" -> organizationId = EntryDecoder.longOr(scalar(raw), orgId);
                        case "status" -> status = JsonText.of(scalar(raw));
                        case "created_at" -> createdAt = JsonText.of(scalar(raw));
                        case "web_url" -> webUrl = JsonText.of(scalar(raw));
                        case "result" -> result = JsonText.of(scalar(raw));
                        case "total_logs" -> {
                            JsonElement t = scalar(raw);
                            totalLogs = t.isJsonNull() ? null : EntryDecoder.longOr(t, -1);
                            if (totalLogs != null && totalLogs < 0) {
                                totalLogs = null;
                            }
                        }
                        default -> {
                            // unknown or unused field (metadata, page, size, pages): skipped
                        }
                    }
                }
                skipWhitespace();
                char c = next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw error("expected ',' or '}'");
                }
            }
        }
        skipWhitespace();
        if (pos != text.length()) {
            throw error("unexpected text after the response object");
        }
        RunInfo run = new RunInfo(id, organizationId, status, createdAt, webUrl, result);
        return new LogPage(run, logs, !logsSeen || logsNull, totalLogs);
    }

    /** @return false when the value is null */
    private boolean readLogs(List<LogEntry> into) {
        if (text.startsWith("null", pos)) {
            pos += 4;
            return false;
        }
        expect('[');
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return true;
        }
        while (true) {
            skipWhitespace();
            int start = pos;
            skipValue();
            into.add(EntryDecoder.decode(text.substring(start, pos)));
            skipWhitespace();
            char c = next();
            if (c == ']') {
                return true;
            }
            if (c != ',') {
                throw error("expected ',' or ']' in logs");
            }
        }
    }

    private static JsonElement scalar(String raw) {
        return JsonParser.parseString(raw);
    }

    private String readKey() {
        int start = pos;
        skipString();
        JsonElement key = JsonParser.parseString(text.substring(start, pos));
        return key.getAsString();
    }

    /** Moves past one JSON value of any kind, checking only what it must to find its end. */
    private void skipValue() {
        char c = peek();
        switch (c) {
            case '"' -> skipString();
            case '{', '[' -> skipContainer();
            default -> {
                int start = pos;
                while (pos < text.length() && "{}[],: \t\r\n\"".indexOf(text.charAt(pos)) < 0) {
                    pos++;
                }
                if (pos == start) {
                    throw error("expected a value");
                }
            }
        }
    }

    private void skipContainer() {
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                skipString();
                continue;
            }
            pos++;
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    return;
                }
            }
        }
        throw error("the response ends inside an object or array (truncated?)");
    }

    private void skipString() {
        expect('"');
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\') {
                pos++;
            } else if (c == '"') {
                return;
            }
        }
        throw error("the response ends inside a string (truncated?)");
    }

    private void skipWhitespace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("the response ends too early (truncated?)");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            pos--;
            throw error("expected '" + c + "'");
        }
    }

    private JsonParseException error(String what) {
        return new JsonParseException(what + " at character " + pos + " of " + text.length());
    }
}
