package io.codegenagentlogs.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Locates JSON values inside their source text. Log entries are served as the exact text the scenario
 * holds (key order, spacing, escapes), which a tree parser would normalise away. Only call it on text
 * that {@link Json#parseStrict} accepted: it does not report syntax errors itself.
 */
final class RawJson {
    /** One value: its span in the source, plus object members or array elements when it has them. */
    record Node(String source, int start, int end, Map<String, Node> members, List<Node> elements) {
        String text() {
            return source.substring(start, end);
        }
    }

    private final String text;
    private int pos;

    private RawJson(String text) {
        this.text = text;
    }

    static Node parse(String text) {
        RawJson scanner = new RawJson(text);
        scanner.skipSpace();
        return scanner.value();
    }

    private Node value() {
        int start = pos;
        char c = text.charAt(pos);
        if (c == '{') {
            return object(start);
        }
        if (c == '[') {
            return array(start);
        }
        if (c == '"') {
            skipString();
        } else {
            while (pos < text.length() && ",]} \t\r\n".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
        }
        return new Node(text, start, pos, Map.of(), List.of());
    }

    private Node object(int start) {
        Map<String, Node> members = new LinkedHashMap<>();
        pos++;
        skipSpace();
        while (text.charAt(pos) != '}') {
            int keyStart = pos;
            skipString();
            String key = decodeKey(text.substring(keyStart, pos));
            skipSpace();
            pos++; // ':'
            skipSpace();
            members.put(key, value());
            skipSpace();
            if (text.charAt(pos) == ',') {
                pos++;
                skipSpace();
            }
        }
        pos++;
        return new Node(text, start, pos, members, List.of());
    }

    private Node array(int start) {
        List<Node> elements = new ArrayList<>();
        pos++;
        skipSpace();
        while (text.charAt(pos) != ']') {
            elements.add(value());
            skipSpace();
            if (text.charAt(pos) == ',') {
                pos++;
                skipSpace();
            }
        }
        pos++;
        return new Node(text, start, pos, Map.of(), elements);
    }

    private void skipString() {
        pos++;
        while (text.charAt(pos) != '"') {
            pos += text.charAt(pos) == '\\' ? 2 : 1;
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private static String decodeKey(String quoted) {
        return quoted.indexOf('\\') < 0
                ? quoted.substring(1, quoted.length() - 1)
                : Json.parseStrict(quoted).getAsString();
    }
}
