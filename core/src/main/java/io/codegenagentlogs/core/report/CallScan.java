package io.codegenagentlogs.core.report;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.codegenagentlogs.core.api.LogEntry;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Set;

/**
 * What the summary needs from every tool call, read in one streaming pass over the entry's raw JSON,
 * without building its trees: whether its {@code observation} or {@code tool_output} reports a
 * failure, and a fingerprint of its {@code tool_input} (for repeated identical calls). A tool output
 * of 8 KiB is skipped over, not parsed into objects and strings: on a 100,000-entry run that is most
 * of the summary's cost.
 *
 * @param failed whether the observation or the tool output is an object saying it failed: {@code "status"}
 *     {@code error}, {@code failed} or {@code failure} (any case), a non-empty {@code "error"}, or a
 *     non-zero numeric {@code "exit_code"}
 * @param inputFingerprint a 64-bit hash of the tool name and the input's JSON tokens: equal for equal
 *     calls (whatever the whitespace or escapes), different otherwise but for chance (about 2^-64)
 */
record CallScan(boolean failed, long inputFingerprint) {
    private static final Set<String> ERROR_STATUSES = Set.of("error", "failed", "failure");
    private static final long FNV_PRIME = 0x100000001b3L;

    /** Scans the entry's raw JSON; falls back to its trees if the text cannot be read as expected. */
    static CallScan of(String tool, LogEntry entry) {
        try (JsonReader in = new JsonReader(new StringReader(entry.rawJson()))) {
            in.setStrictness(com.google.gson.Strictness.LENIENT);
            boolean failed = false;
            long input = noInput(tool);
            in.beginObject();
            while (in.hasNext()) {
                String name = in.nextName();
                switch (name) {
                    case "observation", "tool_output" -> failed |= saysFailure(in);
                    case "tool_input" -> input = fingerprint(tool, in);
                    default -> in.skipValue();
                }
            }
            return new CallScan(failed, input);
        } catch (IOException | IllegalStateException | NumberFormatException unexpected) {
            return new CallScan(SummaryAccumulator.saysFailure(entry.observation())
                    || SummaryAccumulator.saysFailure(entry.toolOutput()), CallRepeats.fingerprint(tool, treeText(entry)));
        }
    }

    private static String treeText(LogEntry entry) {
        return entry.toolInput() == null ? null : entry.toolInput().toString();
    }

    /** Reads one value: an object's failure signals (its top-level members only); anything else is skipped. */
    private static boolean saysFailure(JsonReader in) throws IOException {
        if (in.peek() != JsonToken.BEGIN_OBJECT) {
            in.skipValue();
            return false;
        }
        boolean failed = false;
        in.beginObject();
        while (in.hasNext()) {
            String name = in.nextName();
            JsonToken t = in.peek();
            switch (name) {
                case "status" -> {
                    if (t == JsonToken.STRING) {
                        failed |= ERROR_STATUSES.contains(in.nextString().trim().toLowerCase(Locale.ROOT));
                    } else {
                        in.skipValue();
                    }
                }
                case "exit_code" -> {
                    if (t == JsonToken.NUMBER) {
                        failed |= Double.parseDouble(in.nextString()) != 0;
                    } else {
                        in.skipValue();
                    }
                }
                case "error" -> {
                    switch (t) {
                        case NULL -> in.nextNull();
                        case BOOLEAN -> failed |= in.nextBoolean();
                        case STRING -> failed |= !in.nextString().isBlank();
                        default -> {
                            // "error": "" and false are how tools say "no error"; a number or a structure says there was one
                            in.skipValue();
                            failed = true;
                        }
                    }
                }
                default -> in.skipValue();
            }
        }
        in.endObject();
        return failed;
    }

    /** Hashes one value's tokens, iteratively (an input may be nested deep), after the tool name. */
    private static long fingerprint(String tool, JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return noInput(tool);
        }
        long h = mix(AuditCollector.hash(tool), 0x1F);
        int depth = 0;
        do {
            JsonToken t = in.peek();
            switch (t) {
                case BEGIN_OBJECT -> {
                    in.beginObject();
                    h = mix(h, '{');
                    depth++;
                }
                case END_OBJECT -> {
                    in.endObject();
                    h = mix(h, '}');
                    depth--;
                }
                case BEGIN_ARRAY -> {
                    in.beginArray();
                    h = mix(h, '[');
                    depth++;
                }
                case END_ARRAY -> {
                    in.endArray();
                    h = mix(h, ']');
                    depth--;
                }
                case NAME -> h = text(mix(h, ':'), in.nextName());
                case STRING -> h = text(mix(h, '"'), in.nextString());
                case NUMBER -> h = text(mix(h, '#'), in.nextString());
                case BOOLEAN -> h = mix(h, in.nextBoolean() ? 't' : 'f');
                case NULL -> {
                    in.nextNull();
                    h = mix(h, 'n');
                }
                default -> throw new IllegalStateException("unexpected " + t);
            }
        } while (depth > 0);
        return h;
    }

    /** The fingerprint of a call without input. */
    private static long noInput(String tool) {
        return mix(mix(AuditCollector.hash(tool), 0x1F), 0);
    }

    private static long text(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = mix(h, s.charAt(i));
        }
        return mix(h, s.length());
    }

    private static long mix(long h, int c) {
        return (h ^ c) * FNV_PRIME;
    }
}
