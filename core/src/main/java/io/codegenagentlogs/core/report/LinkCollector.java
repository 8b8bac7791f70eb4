package io.codegenagentlogs.core.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.codegenagentlogs.core.api.LogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Collects {@code AGENT_RUN_LINK} entries as {@link LinkedRun}s: the first {@link LinkedRun#MAX_SHOWN}, all counted. Not thread-safe. */
final class LinkCollector {
    private static final int TEXT_CHARS = 300;
    private static final List<String> ID_KEYS = List.of("agent_run_id", "run_id", "linked_run_id", "id");
    private static final List<String> URL_KEYS = List.of("web_url", "url", "link", "href");
    private static final Pattern HTTP = Pattern.compile("https?://[^\\s\"'<>]+");
    private static final Pattern TRACE_ID = Pattern.compile("/(?:agent/trace|agent/run|runs?)/(\\d{1,18})\\b");

    private final List<LinkedRun> links = new ArrayList<>();
    private long total;

    void onEntry(long index, LogEntry entry) {
        total++;
        if (links.size() >= LinkedRun.MAX_SHOWN) {
            return;
        }
        JsonElement obs = entry.observation();
        Long runId = null;
        String url = null;
        String text;
        if (obs != null && obs.isJsonObject()) {
            JsonObject o = obs.getAsJsonObject();
            String idKey = null;
            for (String k : ID_KEYS) {
                runId = number(o.get(k));
                if (runId != null) {
                    idKey = k;
                    break;
                }
            }
            String urlKey = null;
            for (String k : URL_KEYS) {
                JsonElement v = o.get(k);
                url = v != null && v.isJsonPrimitive() ? SafeUrl.http(v.getAsString()) : null;
                if (url != null) {
                    urlKey = k;
                    break;
                }
            }
            JsonObject rest = new JsonObject();
            for (Map.Entry<String, JsonElement> f : o.entrySet()) {
                if (!f.getKey().equals(idKey) && !f.getKey().equals(urlKey)) {
                    rest.add(f.getKey(), f.getValue());
                }
            }
            text = rest.size() == 0 ? "" : HumanText.full(rest);
        } else {
            text = obs != null ? HumanText.message(obs) : entry.thought();
            if (text != null) {
                Matcher m = HTTP.matcher(text);
                url = m.find() ? SafeUrl.http(m.group()) : null;
            }
        }
        if (runId == null && url != null) {
            Matcher m = TRACE_ID.matcher(url);
            runId = m.find() ? Long.valueOf(m.group(1)) : null;
        }
        links.add(new LinkedRun(index, SummaryAccumulator.boundedOrNull(entry.createdAtText()), runId, url,
                SafeText.oneLine(text, TEXT_CHARS)));
    }

    List<LinkedRun> links() {
        return List.copyOf(links);
    }

    long total() {
        return total;
    }

    private static Long number(JsonElement v) {
        if (v == null || !v.isJsonPrimitive()) {
            return null;
        }
        JsonPrimitive p = v.getAsJsonPrimitive();
        String s = p.getAsString().trim();
        if (!s.matches("\\d{1,18}")) {
            return null;
        }
        return Long.valueOf(s);
    }
}
