package io.codegenagentlogs.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonSyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns scenario JSON into a {@link Scenario}: strict parsing and the top-level fields here, each run
 * in {@link RunReader}, faults in {@link FaultReader}. Every problem names the source and the field.
 */
final class ScenarioReader {
    private static final List<String> DEFAULT_TOKENS = List.of("sim-token");

    private final RawJson.Node raw;

    private ScenarioReader(RawJson.Node raw) {
        this.raw = raw;
    }

    /** Reads {@code text}; any problem becomes an IllegalArgumentException that starts with {@code source}. */
    static Scenario read(String text, String source) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark, as some Windows editors write, is not JSON
        }
        JsonElement root;
        try {
            root = Json.parseStrict(text);
        } catch (JsonSyntaxException e) {
            throw new IllegalArgumentException(source + ": invalid JSON: " + withoutGsonLink(e.getMessage()), e);
        }
        try {
            return new ScenarioReader(RawJson.parse(text)).scenario(new ScenarioObject(root, ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private Scenario scenario(ScenarioObject top) {
        top.allow("description", "tokens", "paths", "rate_limit", "faults", "runs");
        List<RunSpec> runs = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        JsonArray runArray = top.array("runs");
        if (runArray.isEmpty()) {
            throw top.fail("runs", "at least one run is required");
        }
        for (int i = 0; i < runArray.size(); i++) {
            RunSpec run = RunReader.run(new ScenarioObject(runArray.get(i), "runs[" + i + "]"),
                    raw.members().get("runs").elements().get(i));
            if (!ids.add(run.id())) {
                throw new IllegalArgumentException("runs[" + i + "].id: duplicate run id " + run.id());
            }
            runs.add(run);
        }
        return new Scenario(top.string("description", null), tokens(top), paths(top),
                rateLimit(top), FaultReader.faults(top), runs);
    }

    private static List<String> tokens(ScenarioObject top) {
        if (!top.has("tokens")) {
            return DEFAULT_TOKENS;
        }
        JsonArray array = top.array("tokens");
        if (array.isEmpty()) {
            throw top.fail("tokens", "must not be empty (omit it to accept \"sim-token\")");
        }
        List<String> tokens = new ArrayList<>();
        for (JsonElement token : array) {
            if (!token.isJsonPrimitive() || !token.getAsJsonPrimitive().isString()
                    || token.getAsString().isEmpty() || token.getAsString().matches(".*\\s.*")) {
                throw top.fail("tokens", "each token must be a non-empty string without spaces, got " + token);
            }
            tokens.add(token.getAsString());
        }
        return tokens;
    }

    private static Routes.Style paths(ScenarioObject top) {
        String paths = top.string("paths", "both");
        return switch (paths == null ? "" : paths) {
            case "both" -> Routes.Style.BOTH;
            case "documented" -> Routes.Style.DOCUMENTED;
            case "alpha" -> Routes.Style.ALPHA;
            default -> throw top.fail("paths", "expected \"both\", \"documented\" or \"alpha\", got " + paths);
        };
    }

    private static RateLimit rateLimit(ScenarioObject top) {
        if (!top.has("rate_limit") || top.element("rate_limit").isJsonNull()) {
            return null;
        }
        ScenarioObject o = new ScenarioObject(top.element("rate_limit"), "rate_limit")
                .allow("requests", "per_seconds", "retry_after");
        String form = o.string("retry_after", "seconds");
        RateLimit.RetryAfter retryAfter = switch (form == null ? "" : form) {
            case "seconds" -> RateLimit.RetryAfter.SECONDS;
            case "http-date" -> RateLimit.RetryAfter.HTTP_DATE;
            case "none" -> RateLimit.RetryAfter.NONE;
            default -> throw o.fail("retry_after", "expected \"seconds\", \"http-date\" or \"none\", got " + form);
        };
        return new RateLimit((int) o.integer("requests", null, 1, 1_000_000),
                (int) o.integer("per_seconds", null, 1, 86_400), retryAfter);
    }

    private static String withoutGsonLink(String message) {
        int link = message.toLowerCase(Locale.ROOT).indexOf("\nsee https://");
        return link < 0 ? message : message.substring(0, link);
    }
}
