package io.codegenagentlogs.core.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads file paths, commands, pull-request URLs and commit ids out of one call's JSON. Only the entries
 * that need it come here (code-changing calls, the input of command-tool calls, and the few PR-agent
 * entries and final answers), so a 100,000-entry run does not walk 100,000 trees. Every walk is
 * bounded in depth and in nodes. Public for the renderers, which link the pull requests they find in text.
 */
public final class ChangeExtractor {
    /** Keys whose string values (or arrays of strings) are file paths. */
    private static final Set<String> PATH_KEYS = Set.of("path", "paths", "file", "files", "file_path", "file_paths",
            "filepath", "filename", "target_file", "target", "source", "destination", "dest", "src", "dst", "old_path",
            "new_path", "from_path", "to_path", "directory", "dir");
    private static final Set<String> COMMAND_KEYS = Set.of("command", "cmd", "script", "commands");
    private static final Set<String> COMMIT_KEYS = Set.of("commit", "sha", "commit_sha", "commit_id", "commit_hash",
            "hash", "revision");
    /** An http(s) pull or merge request on GitHub, GitLab, Bitbucket and their self-hosted kin; only URL-safe characters. */
    public static final Pattern PR_URL = Pattern.compile("https?://[A-Za-z0-9.-]+(?::\\d{1,5})?(?:/[A-Za-z0-9._~%+-]+)+?"
            + "/(?:pull|pulls|merge_requests|pull-requests)/\\d{1,10}");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,40}");
    /** What {@code git commit} prints: {@code [branch 4f2c9d1] message}. */
    private static final Pattern GIT_COMMIT_LINE = Pattern.compile("\\[[^\\]\\s]+(?: \\(root-commit\\))? ([0-9a-f]{7,40})\\]");
    private static final int MAX_DEPTH = 6;
    private static final int MAX_NODES = 2000;

    private ChangeExtractor() {
    }

    /**
     * File paths in a tool input, in the order found, distinct, at most {@code max} of them and
     * {@link AuditTrail#MAX_FILE_CHARS_PER_CHANGE} characters together.
     */
    static void files(JsonElement input, int max, java.util.Collection<String> out) {
        int[] chars = {0};
        walk(input, (key, value) -> {
            if (out.size() < max && key != null && PATH_KEYS.contains(key.toLowerCase(Locale.ROOT)) && isPath(value)
                    && chars[0] + value.length() <= AuditTrail.MAX_FILE_CHARS_PER_CHANGE && !out.contains(value)) {
                out.add(value);
                chars[0] += value.length();
            }
        });
    }

    /** The first command line in a tool input, or null. */
    static String command(JsonElement input) {
        String[] found = new String[1];
        walk(input, (key, value) -> {
            if (found[0] == null && key != null && COMMAND_KEYS.contains(key.toLowerCase(Locale.ROOT)) && !value.isBlank()) {
                found[0] = value;
            }
        });
        return found[0];
    }

    /** Pull-request URLs in any string of the value, distinct, at most {@code max} in {@code out}. */
    public static void pullRequests(JsonElement value, int max, java.util.Collection<String> out) {
        walk(value, (key, text) -> {
            if (out.size() >= max || (!text.contains("/pull") && !text.contains("merge_requests"))) {
                return;
            }
            Matcher m = PR_URL.matcher(text);
            while (m.find() && out.size() < max) {
                if (m.group().length() <= AuditTrail.MAX_PATH_CHARS && !out.contains(m.group())) {
                    out.add(m.group());
                }
            }
        });
    }

    /** Commit ids: values of commit-like keys, and what {@code git commit} prints; distinct, at most {@code max}. */
    static void commits(JsonElement value, int max, java.util.Collection<String> out) {
        walk(value, (key, text) -> {
            if (out.size() >= max) {
                return;
            }
            if (key != null && COMMIT_KEYS.contains(key.toLowerCase(Locale.ROOT)) && SHA.matcher(text).matches()) {
                if (!out.contains(text)) {
                    out.add(text);
                }
                return;
            }
            if (text.indexOf('[') >= 0) {
                Matcher m = GIT_COMMIT_LINE.matcher(text);
                while (m.find() && out.size() < max) {
                    if (!out.contains(m.group(1))) {
                        out.add(m.group(1));
                    }
                }
            }
        });
    }

    private static boolean isPath(String s) {
        return !s.isBlank() && s.length() <= AuditTrail.MAX_PATH_CHARS && s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
    }

    /** Calls {@code visit(key, string)} for every string value (array items get their array's key). */
    private static void walk(JsonElement root, BiConsumer<String, String> visit) {
        int[] budget = {MAX_NODES};
        walk(root, null, 0, budget, visit);
    }

    private static void walk(JsonElement e, String key, int depth, int[] budget, BiConsumer<String, String> visit) {
        if (e == null || e.isJsonNull() || budget[0]-- <= 0 || depth > MAX_DEPTH) {
            return;
        }
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isString()) {
                visit.accept(key, p.getAsString());
            }
        } else if (e.isJsonArray()) {
            for (JsonElement item : e.getAsJsonArray()) {
                walk(item, key, depth + 1, budget, visit);
            }
        } else {
            for (Map.Entry<String, JsonElement> f : e.getAsJsonObject().entrySet()) {
                walk(f.getValue(), f.getKey(), depth + 1, budget, visit);
            }
        }
    }
}
