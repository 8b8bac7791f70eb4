package io.codegenagentlogs.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one run of a scenario. Log entries and metadata are cut from the source text ({@link RawJson})
 * rather than re-serialised, so they are served exactly as the scenario wrote them.
 */
final class RunReader {
    private RunReader() {
    }

    static RunSpec run(ScenarioObject o, RawJson.Node rawRun) {
        o.allow("id", "organization_id", "status", "created_at", "web_url", "result", "metadata", "logs",
                "generate", "stages");
        long id = o.integer("id", null, 0, Long.MAX_VALUE);
        long org = o.integer("organization_id", null, 0, Long.MAX_VALUE);
        List<String> logs = logs(o, rawRun, id);
        SyntheticLogs generated = generated(o, id);
        int available = logs.size() + (generated == null ? 0 : generated.size());
        List<Stage> stages = stages(o, available);
        // With stages the file's status is where the run starts; without, it is the status for good.
        String status = o.string("status", stages.isEmpty() ? "COMPLETE" : "PENDING");
        return new RunSpec(id, org, status, o.string("created_at", null),
                o.string("web_url", "https://app.codegen.com/agent/trace/" + id), o.string("result", null),
                metadata(o, rawRun), logs, generated, stages);
    }

    private static List<String> logs(ScenarioObject o, RawJson.Node rawRun, long runId) {
        JsonArray array = o.array("logs");
        List<String> logs = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isJsonObject()) {
                throw o.fail("logs[" + i + "]", "expected an object");
            }
            logs.add(LogEntries.normalize(rawRun.members().get("logs").elements().get(i).text(), runId));
        }
        return logs;
    }

    private static String metadata(ScenarioObject o, RawJson.Node rawRun) {
        JsonElement metadata = o.element("metadata");
        if (metadata == null || metadata.isJsonNull()) {
            return "null";
        }
        if (!metadata.isJsonObject()) {
            throw o.fail("metadata", "expected an object or null");
        }
        return rawRun.members().get("metadata").text();
    }

    private static SyntheticLogs generated(ScenarioObject o, long runId) {
        if (!o.has("generate")) {
            return null;
        }
        ScenarioObject g = new ScenarioObject(o.element("generate"), o.pathOf("generate"))
                .allow("count", "seed", "error_every", "entry_bytes");
        return new SyntheticLogs(runId, (int) g.integer("count", null, 0, 1_000_000_000),
                g.integer("seed", 0L, Long.MIN_VALUE, Long.MAX_VALUE),
                (int) g.integer("error_every", 0L, 0, Integer.MAX_VALUE),
                (int) g.integer("entry_bytes", 0L, 0, 16 << 20));
    }

    private static List<Stage> stages(ScenarioObject o, int availableLogs) {
        JsonArray array = o.array("stages");
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            ScenarioObject s = new ScenarioObject(array.get(i), o.pathOf("stages[" + i + "]"))
                    .allow("after_requests", "after_ms", "status", "visible_logs");
            if (s.has("after_requests") == s.has("after_ms")) {
                throw s.fail("after_requests", "a stage needs exactly one of after_requests and after_ms");
            }
            boolean byTime = s.has("after_ms");
            long threshold = s.integer(byTime ? "after_ms" : "after_requests", null, 0, Long.MAX_VALUE);
            Integer visible = s.has("visible_logs")
                    ? (int) s.integer("visible_logs", null, 0, availableLogs) : null;
            stages.add(new Stage(byTime, threshold, s.string("status", null), visible));
        }
        return stages;
    }
}
