package io.codegenagentlogs.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates path ids and the logs query (skip, limit, reverse) the way FastAPI does: every problem is
 * reported at once, with pydantic v2's error types and messages.
 */
final class RequestParams {
    /** The page a valid logs request asks for. */
    record Page(int skip, int limit, boolean reverse) {
    }

    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on", "t", "y");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "off", "f", "n");

    private final List<ErrorBodies.Problem> problems = new ArrayList<>();

    /** Decodes a raw query string; a repeated name keeps its last value, as FastAPI does for scalars. */
    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return query;
    }

    List<ErrorBodies.Problem> problems() {
        return problems;
    }

    /** A path id; when it is not an integer, records a problem and returns 0 (callers then answer 422). */
    long pathId(String name, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            problems.add(intProblem("path", name, text));
            return 0;
        }
    }

    /** The requested page; meaningful only while {@link #problems()} stays empty. */
    Page page(Map<String, String> query) {
        return new Page(intParam(query, "skip", 0, 0, Integer.MAX_VALUE), intParam(query, "limit", 100, 1, 100),
                boolParam(query, "reverse"));
    }

    private int intParam(Map<String, String> query, String name, int fallback, int min, int max) {
        String text = query.get(name);
        if (text == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            problems.add(intProblem("query", name, text));
            return fallback;
        }
        if (value < min) {
            problems.add(new ErrorBodies.Problem("greater_than_equal", "query", name,
                    "Input should be greater than or equal to " + min, text, "{\"ge\":" + min + "}"));
        } else if (value > max) {
            problems.add(new ErrorBodies.Problem("less_than_equal", "query", name,
                    "Input should be less than or equal to " + max, text, "{\"le\":" + max + "}"));
        }
        return (int) Math.max(min, Math.min(max, value));
    }

    private boolean boolParam(Map<String, String> query, String name) {
        String text = query.get(name);
        if (text == null) {
            return false;
        }
        String word = text.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(word) || FALSE.contains(word)) {
            return TRUE.contains(word);
        }
        problems.add(new ErrorBodies.Problem("bool_parsing", "query", name,
                "Input should be a valid boolean, unable to interpret input", text, null));
        return false;
    }

    private static ErrorBodies.Problem intProblem(String where, String name, String text) {
        return new ErrorBodies.Problem("int_parsing", where, name,
                "Input should be a valid integer, unable to parse string as an integer", text, null);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // malformed percent escape: keep it as typed, validation then reports it
        }
    }
}
