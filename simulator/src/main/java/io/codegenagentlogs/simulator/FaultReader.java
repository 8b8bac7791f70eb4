package io.codegenagentlogs.simulator;

import com.google.gson.JsonArray;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads a scenario's {@code faults}: each names the logs request it hits, its type and that type's fields. */
final class FaultReader {
    private FaultReader() {
    }

    static Map<Integer, Fault> faults(ScenarioObject top) {
        Map<Integer, Fault> faults = new HashMap<>();
        JsonArray array = top.array("faults");
        for (int i = 0; i < array.size(); i++) {
            ScenarioObject o = new ScenarioObject(array.get(i), "faults[" + i + "]");
            int onRequest = (int) o.integer("on_request", null, 1, Integer.MAX_VALUE);
            if (faults.put(onRequest, fault(o)) != null) {
                throw o.fail("on_request", "another fault already hits logs request " + onRequest);
            }
        }
        return faults;
    }

    private static Fault fault(ScenarioObject o) {
        String type = o.string("type", null);
        if (type == null) {
            throw o.fail("type", "is required");
        }
        Fault.Kind kind = Arrays.stream(Fault.Kind.values()).filter(k -> k.wireName.equals(type)).findFirst()
                .orElseThrow(() -> o.fail("type", "unknown fault type \"" + type + "\"; expected one of "
                        + Arrays.stream(Fault.Kind.values()).map(k -> k.wireName).collect(Collectors.joining(", "))));
        return switch (kind) {
            case STATUS -> Fault.status((int) o.allow("on_request", "type", "status").integer("status", null, 400, 599));
            case RATE_LIMITED -> Fault.rateLimited(o.allow("on_request", "type", "retry_after").string("retry_after", null));
            case DROP -> plain(o, Fault.drop());
            case SLOW -> Fault.slow(Duration.ofMillis(
                    o.allow("on_request", "type", "delay_ms").integer("delay_ms", null, 0, 600_000)));
            case TRUNCATED -> plain(o, Fault.truncated());
            case SHRINK_TOTAL -> Fault.shrinkTotal(
                    (int) o.allow("on_request", "type", "total_logs").integer("total_logs", null, 0, Integer.MAX_VALUE));
            case EMPTY_PAGE -> plain(o, Fault.emptyPage());
            case REPEAT_ENTRIES -> Fault.repeatEntries(
                    (int) o.allow("on_request", "type", "count").integer("count", null, 1, Integer.MAX_VALUE));
            case NULL_LOGS -> plain(o, Fault.nullLogs());
            case HTML_PAGE -> plain(o, Fault.htmlPage());
            case EMPTY_BODY -> plain(o, Fault.emptyBody());
            case INVALID_UTF8 -> plain(o, Fault.invalidUtf8());
            case WRONG_CONTENT_TYPE -> plain(o, Fault.wrongContentType());
            case MISSING_TOTAL -> plain(o, Fault.missingTotal());
            case TRUNCATED_JSON -> plain(o, Fault.truncatedJson());
            case SLOW_DRIP -> Fault.slowDrip(Duration.ofMillis(
                    o.allow("on_request", "type", "delay_ms").integer("delay_ms", null, 0, 600_000)));
        };
    }

    private static Fault plain(ScenarioObject o, Fault fault) {
        o.allow("on_request", "type");
        return fault;
    }
}
